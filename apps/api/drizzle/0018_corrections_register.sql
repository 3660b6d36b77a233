CREATE TABLE "corrections_announcement" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"announced_on" date NOT NULL,
	"place" text NOT NULL,
	"host" text NOT NULL,
	"attendees" jsonb NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_lost_contact" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"note" text,
	"closed_on" date,
	"outcome" text,
	"outcome_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"opened_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_lost_contact_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lost_contact_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"action" text NOT NULL,
	"result" text NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_plan" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"content" text NOT NULL,
	"education_hours_monthly" integer NOT NULL,
	"public_service_hours_monthly" integer NOT NULL,
	"set_on" date NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_team_member" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"gender" text NOT NULL,
	"affiliation" text,
	"staff_user_id" text,
	"leader" boolean NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_investigation" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_name" text NOT NULL,
	"letter_no" text NOT NULL,
	"received_on" date NOT NULL,
	"fast_track" boolean NOT NULL,
	"person_id" uuid NOT NULL,
	"minor" boolean NOT NULL,
	"offence" text NOT NULL,
	"proposed_sentence_kind" text,
	"note" text,
	"findings" text,
	"opinion" text,
	"assessed_on" date,
	"assessed_by" text,
	"report_document_id" uuid,
	"delivered_on" date,
	"delivery_method" text,
	"delivered_to" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_classification" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"level" text NOT NULL,
	"factors" jsonb NOT NULL,
	"reasons" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_supervisee" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"sentence_kind" text NOT NULL,
	"offence" text NOT NULL,
	"court_name" text NOT NULL,
	"judgment_no" text NOT NULL,
	"judgment_effective_on" date NOT NULL,
	"notice_no" text,
	"notice_received_on" date,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"prohibition_orders" jsonb NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"supervision_level" text,
	"level_factors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"level_reasons" text,
	"level_set_on" date,
	"photo_file_id" uuid,
	"reported_in_on" date,
	"ended_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "corrections_announcement" ADD CONSTRAINT "corrections_announcement_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_lost_contact" ADD CONSTRAINT "corrections_lost_contact_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_lost_contact_step" ADD CONSTRAINT "corrections_lost_contact_step_lost_contact_id_corrections_lost_contact_id_fk" FOREIGN KEY ("lost_contact_id") REFERENCES "public"."corrections_lost_contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_plan" ADD CONSTRAINT "corrections_plan_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_team_member" ADD CONSTRAINT "corrections_team_member_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_investigation" ADD CONSTRAINT "corrections_investigation_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_investigation" ADD CONSTRAINT "corrections_investigation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_classification" ADD CONSTRAINT "corrections_classification_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_supervisee" ADD CONSTRAINT "corrections_supervisee_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_supervisee" ADD CONSTRAINT "corrections_supervisee_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_lost_contact_open_key" ON "corrections_lost_contact" USING btree ("case_id") WHERE "corrections_lost_contact"."status" = 'searching';--> statement-breakpoint
CREATE INDEX "corrections_lost_contact_step_idx" ON "corrections_lost_contact_step" USING btree ("lost_contact_id");--> statement-breakpoint
CREATE INDEX "corrections_team_member_case_idx" ON "corrections_team_member" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "corrections_investigation_person_idx" ON "corrections_investigation" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "corrections_classification_case_idx" ON "corrections_classification" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_supervisee_running_term_key" ON "corrections_supervisee" USING btree ("person_id") WHERE "corrections_supervisee"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "corrections_supervisee_period_end_idx" ON "corrections_supervisee" USING btree ("period_end");