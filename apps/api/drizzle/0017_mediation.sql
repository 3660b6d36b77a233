CREATE TABLE "mediation_dispute" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"sweep_id" uuid,
	"kind" text NOT NULL,
	"involves_enterprise" boolean DEFAULT false NOT NULL,
	"amount_involved_yuan" numeric(14, 2),
	"facts" text NOT NULL,
	"request" text,
	"occurred_on" date,
	"town_code" text,
	"village" text,
	"address" text,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"place_office_id" integer,
	"fingerprint" text NOT NULL,
	"duplicate_of" uuid,
	"dispatched_at" timestamp with time zone,
	"dispatch_reason" text,
	"lead_mediator_id" uuid,
	"accepted_on" date,
	"decline_reason" text,
	"outcome" text,
	"outcome_on" date,
	"outcome_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_agreement" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"form" text NOT NULL,
	"terms" text NOT NULL,
	"performance_terms" text,
	"performance_due_on" date,
	"effective_on" date NOT NULL,
	"document_id" uuid,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"performance_status" text DEFAULT 'pending' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_confirmation" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"court" text NOT NULL,
	"applied_on" date NOT NULL,
	"result" text,
	"ruled_on" date,
	"ruling_no" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_follow_up" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"method" text NOT NULL,
	"visitor" text NOT NULL,
	"note" text NOT NULL,
	"performance_status" text NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"mediator_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"attendees" text NOT NULL,
	"record" text NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_committee" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"industry" text,
	"town_code" text,
	"served_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"address" text,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"phone" text,
	"established_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_studio" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unit_id" integer NOT NULL,
	"lead_mediator_id" uuid,
	"specialty" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"target_date" date,
	"created_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediator" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"staff_user_id" uuid,
	"name" text NOT NULL,
	"gender" text,
	"phone_enc" text,
	"employment" text NOT NULL,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" text,
	"joined_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"left_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediator_training" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediator_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"organiser" text NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"certificate_no" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_sweep" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"planned_on" date NOT NULL,
	"held_on" date,
	"area" text NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"participant_count" integer,
	"findings" text,
	"risks_found" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mediation_dispute" ADD CONSTRAINT "mediation_dispute_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_dispute" ADD CONSTRAINT "mediation_dispute_sweep_id_dispute_sweep_id_fk" FOREIGN KEY ("sweep_id") REFERENCES "public"."dispute_sweep"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_dispute" ADD CONSTRAINT "mediation_dispute_place_office_id_org_unit_id_fk" FOREIGN KEY ("place_office_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_dispute" ADD CONSTRAINT "mediation_dispute_duplicate_of_case_record_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_dispute" ADD CONSTRAINT "mediation_dispute_lead_mediator_id_mediator_id_fk" FOREIGN KEY ("lead_mediator_id") REFERENCES "public"."mediator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_agreement" ADD CONSTRAINT "mediation_agreement_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_confirmation" ADD CONSTRAINT "mediation_confirmation_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_follow_up" ADD CONSTRAINT "mediation_follow_up_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_session" ADD CONSTRAINT "mediation_session_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_committee" ADD CONSTRAINT "mediation_committee_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_studio" ADD CONSTRAINT "mediation_studio_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_studio" ADD CONSTRAINT "mediation_studio_lead_mediator_id_mediator_id_fk" FOREIGN KEY ("lead_mediator_id") REFERENCES "public"."mediator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator" ADD CONSTRAINT "mediator_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator" ADD CONSTRAINT "mediator_staff_user_id_staff_user_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_training" ADD CONSTRAINT "mediator_training_mediator_id_mediator_id_fk" FOREIGN KEY ("mediator_id") REFERENCES "public"."mediator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_sweep" ADD CONSTRAINT "dispute_sweep_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mediation_dispute_accepted_idx" ON "mediation_dispute" USING btree ("accepted_on");--> statement-breakpoint
CREATE INDEX "mediation_dispute_fingerprint_idx" ON "mediation_dispute" USING btree ("fingerprint");--> statement-breakpoint
CREATE INDEX "mediation_dispute_sweep_idx" ON "mediation_dispute" USING btree ("sweep_id");--> statement-breakpoint
CREATE INDEX "mediation_dispute_mediator_idx" ON "mediation_dispute" USING btree ("lead_mediator_id");--> statement-breakpoint
CREATE INDEX "mediation_follow_up_case_idx" ON "mediation_follow_up" USING btree ("case_id","visited_on");--> statement-breakpoint
CREATE INDEX "mediation_session_case_idx" ON "mediation_session" USING btree ("case_id","held_at");--> statement-breakpoint
CREATE INDEX "mediation_committee_town_idx" ON "mediation_committee" USING btree ("town_code");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_studio_name_key" ON "mediation_studio" USING btree ("name");--> statement-breakpoint
CREATE INDEX "mediation_studio_unit_idx" ON "mediation_studio" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "mediator_unit_idx" ON "mediator" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mediator_staff_user_key" ON "mediator" USING btree ("staff_user_id");--> statement-breakpoint
CREATE INDEX "mediator_training_mediator_idx" ON "mediator_training" USING btree ("mediator_id","held_on");--> statement-breakpoint
CREATE INDEX "dispute_sweep_unit_idx" ON "dispute_sweep" USING btree ("unit_id","planned_on");--> statement-breakpoint
CREATE INDEX "dispute_sweep_held_idx" ON "dispute_sweep" USING btree ("held_on");