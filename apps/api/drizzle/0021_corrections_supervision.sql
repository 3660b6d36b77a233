CREATE TABLE "corrections_check_in" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"level" text NOT NULL,
	"window_key" text,
	"window_opens_at" timestamp with time zone,
	"window_closes_at" timestamp with time zone,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"accuracy_m" double precision NOT NULL,
	"photo_file_id" uuid,
	"note" text,
	"citizen_account_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_missed_check_in" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"window_key" text NOT NULL,
	"window_opens_at" timestamp with time zone NOT NULL,
	"window_closes_at" timestamp with time zone NOT NULL,
	"level" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution_note" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_periodic_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"month" text NOT NULL,
	"content" text NOT NULL,
	"photo_file_id" uuid,
	"citizen_account_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_report_in_evidence" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"photo_file_id" uuid NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"accuracy_m" double precision NOT NULL,
	"note" text,
	"citizen_account_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_supervision_contact" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"place" text,
	"content" text NOT NULL,
	"finding" text,
	"recorded_by" text NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_supervision_hours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"hours" double precision NOT NULL,
	"activity" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "corrections_check_in" ADD CONSTRAINT "corrections_check_in_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_missed_check_in" ADD CONSTRAINT "corrections_missed_check_in_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_periodic_report" ADD CONSTRAINT "corrections_periodic_report_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_report_in_evidence" ADD CONSTRAINT "corrections_report_in_evidence_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_supervision_contact" ADD CONSTRAINT "corrections_supervision_contact_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_supervision_hours" ADD CONSTRAINT "corrections_supervision_hours_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrections_check_in_case_idx" ON "corrections_check_in" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_missed_check_in_window_key" ON "corrections_missed_check_in" USING btree ("case_id","window_key");--> statement-breakpoint
CREATE INDEX "corrections_missed_check_in_open_idx" ON "corrections_missed_check_in" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_periodic_report_month_key" ON "corrections_periodic_report" USING btree ("case_id","month");--> statement-breakpoint
CREATE INDEX "corrections_supervision_contact_case_idx" ON "corrections_supervision_contact" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE INDEX "corrections_supervision_hours_case_idx" ON "corrections_supervision_hours" USING btree ("case_id","occurred_on");