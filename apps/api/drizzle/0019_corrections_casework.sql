CREATE TABLE "corrections_approval" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"supervisee_case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"destination" text NOT NULL,
	"reason" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"days" integer,
	"prior_days_in_window" integer DEFAULT 0 NOT NULL,
	"required_level" text NOT NULL,
	"level_reason" text NOT NULL,
	"applied_by" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"forward_opinion" text,
	"decided_by" text,
	"decided_level" text,
	"decided_unit" text,
	"decided_at" timestamp with time zone,
	"opinion" text,
	"document_id" uuid,
	"returned_on" date,
	"return_note" text
);
--> statement-breakpoint
CREATE TABLE "corrections_monitoring_order" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"supervisee_case_id" uuid NOT NULL,
	"condition" text NOT NULL,
	"evidence_sanction_id" uuid,
	"evidence_approval_id" uuid,
	"reason" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"proposed_by" text NOT NULL,
	"approved_by" text,
	"opinion" text,
	"decided_at" timestamp with time zone,
	"document_id" uuid,
	"ended_on" date,
	"end_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_monitoring_review" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_case_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"conclusion" text NOT NULL,
	"note" text NOT NULL,
	"reviewed_by" text NOT NULL,
	"renewed_until" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_ending" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"ended_on" date NOT NULL,
	"summary" text,
	"document_no" text,
	"certificate_document_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_release_notice" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"recipient_name" text NOT NULL,
	"sent_on" date NOT NULL,
	"method" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_sanction" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"supervisee_case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"breach" text NOT NULL,
	"absence_days" integer,
	"suggested_kind" text,
	"suggestion_reasons" jsonb NOT NULL,
	"deviation_note" text,
	"facts" text NOT NULL,
	"basis" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by" text NOT NULL,
	"document_id" uuid,
	"withdraw_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "corrections_sweep_campaign" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_sweep_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"contact_verified" boolean DEFAULT false NOT NULL,
	"home_visited" boolean DEFAULT false NOT NULL,
	"risk_assessed" boolean DEFAULT false NOT NULL,
	"risk" text,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"completed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_certificate" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuer" text NOT NULL,
	"training_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_employment_guidance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"given_on" date NOT NULL,
	"note" text NOT NULL,
	"during_moratorium" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_training" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"course" text NOT NULL,
	"provider" text NOT NULL,
	"hours" integer NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_aboard_window" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"vessel_id" uuid NOT NULL,
	"role" text NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"tracked" boolean DEFAULT true NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_sea_trip" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"vessel_id" uuid NOT NULL,
	"crew" jsonb NOT NULL,
	"sea_area" text NOT NULL,
	"area" jsonb,
	"planned_departure_at" timestamp with time zone NOT NULL,
	"planned_return_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"filed_by_kind" text NOT NULL,
	"filed_by" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"decision_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"departed_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_note" text,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_sea_trip_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trip_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_tracking_basis" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"local_rule" text NOT NULL,
	"consent_on" date NOT NULL,
	"consent_file_id" uuid NOT NULL,
	"witness" text NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections_vessel" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"registration_no" text NOT NULL,
	"home_port" text NOT NULL,
	"gear_type" text NOT NULL,
	"owner_name" text NOT NULL,
	"length_m" double precision,
	"tonnage" double precision,
	"terminal_id" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "corrections_supervisee" ADD COLUMN "phone_enc" text;--> statement-breakpoint
ALTER TABLE "corrections_supervisee" ADD COLUMN "phone_index" text;--> statement-breakpoint
ALTER TABLE "corrections_approval" ADD CONSTRAINT "corrections_approval_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_approval" ADD CONSTRAINT "corrections_approval_supervisee_case_id_case_record_id_fk" FOREIGN KEY ("supervisee_case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_monitoring_order" ADD CONSTRAINT "corrections_monitoring_order_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_monitoring_order" ADD CONSTRAINT "corrections_monitoring_order_supervisee_case_id_case_record_id_fk" FOREIGN KEY ("supervisee_case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_monitoring_order" ADD CONSTRAINT "corrections_monitoring_order_evidence_sanction_id_case_record_id_fk" FOREIGN KEY ("evidence_sanction_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_monitoring_order" ADD CONSTRAINT "corrections_monitoring_order_evidence_approval_id_case_record_id_fk" FOREIGN KEY ("evidence_approval_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_monitoring_review" ADD CONSTRAINT "corrections_monitoring_review_order_case_id_case_record_id_fk" FOREIGN KEY ("order_case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_ending" ADD CONSTRAINT "corrections_ending_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_ending" ADD CONSTRAINT "corrections_ending_certificate_document_id_case_document_id_fk" FOREIGN KEY ("certificate_document_id") REFERENCES "public"."case_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_release_notice" ADD CONSTRAINT "corrections_release_notice_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sanction" ADD CONSTRAINT "corrections_sanction_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sanction" ADD CONSTRAINT "corrections_sanction_supervisee_case_id_case_record_id_fk" FOREIGN KEY ("supervisee_case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_check_in" ADD CONSTRAINT "corrections_check_in_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_missed_check_in" ADD CONSTRAINT "corrections_missed_check_in_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_periodic_report" ADD CONSTRAINT "corrections_periodic_report_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_report_in_evidence" ADD CONSTRAINT "corrections_report_in_evidence_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_supervision_contact" ADD CONSTRAINT "corrections_supervision_contact_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_supervision_hours" ADD CONSTRAINT "corrections_supervision_hours_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sweep_campaign" ADD CONSTRAINT "corrections_sweep_campaign_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sweep_item" ADD CONSTRAINT "corrections_sweep_item_campaign_id_corrections_sweep_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."corrections_sweep_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sweep_item" ADD CONSTRAINT "corrections_sweep_item_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sweep_item" ADD CONSTRAINT "corrections_sweep_item_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_certificate" ADD CONSTRAINT "corrections_certificate_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_certificate" ADD CONSTRAINT "corrections_certificate_training_id_corrections_training_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."corrections_training"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_employment_guidance" ADD CONSTRAINT "corrections_employment_guidance_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_training" ADD CONSTRAINT "corrections_training_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_aboard_window" ADD CONSTRAINT "corrections_aboard_window_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_aboard_window" ADD CONSTRAINT "corrections_aboard_window_vessel_id_corrections_vessel_id_fk" FOREIGN KEY ("vessel_id") REFERENCES "public"."corrections_vessel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sea_trip" ADD CONSTRAINT "corrections_sea_trip_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sea_trip" ADD CONSTRAINT "corrections_sea_trip_vessel_id_corrections_vessel_id_fk" FOREIGN KEY ("vessel_id") REFERENCES "public"."corrections_vessel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sea_trip_log" ADD CONSTRAINT "corrections_sea_trip_log_trip_id_corrections_sea_trip_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."corrections_sea_trip"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_tracking_basis" ADD CONSTRAINT "corrections_tracking_basis_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_vessel" ADD CONSTRAINT "corrections_vessel_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrections_approval_supervisee_idx" ON "corrections_approval" USING btree ("supervisee_case_id","from_date");--> statement-breakpoint
CREATE INDEX "corrections_monitoring_supervisee_idx" ON "corrections_monitoring_order" USING btree ("supervisee_case_id");--> statement-breakpoint
CREATE INDEX "corrections_monitoring_review_order_idx" ON "corrections_monitoring_review" USING btree ("order_case_id");--> statement-breakpoint
CREATE INDEX "corrections_ending_ended_idx" ON "corrections_ending" USING btree ("kind","ended_on");--> statement-breakpoint
CREATE INDEX "corrections_release_notice_case_idx" ON "corrections_release_notice" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "corrections_sanction_supervisee_idx" ON "corrections_sanction" USING btree ("supervisee_case_id","decided_on");--> statement-breakpoint
CREATE INDEX "corrections_check_in_case_idx" ON "corrections_check_in" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_missed_check_in_window_key" ON "corrections_missed_check_in" USING btree ("case_id","window_key");--> statement-breakpoint
CREATE INDEX "corrections_missed_check_in_open_idx" ON "corrections_missed_check_in" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_periodic_report_month_key" ON "corrections_periodic_report" USING btree ("case_id","month");--> statement-breakpoint
CREATE INDEX "corrections_supervision_contact_case_idx" ON "corrections_supervision_contact" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE INDEX "corrections_supervision_hours_case_idx" ON "corrections_supervision_hours" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_sweep_item_key" ON "corrections_sweep_item" USING btree ("campaign_id","case_id");--> statement-breakpoint
CREATE INDEX "corrections_sweep_item_unit_idx" ON "corrections_sweep_item" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE INDEX "corrections_certificate_case_idx" ON "corrections_certificate" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "corrections_certificate_issued_idx" ON "corrections_certificate" USING btree ("kind","issued_on");--> statement-breakpoint
CREATE INDEX "corrections_employment_guidance_case_idx" ON "corrections_employment_guidance" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "corrections_training_case_idx" ON "corrections_training" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "corrections_aboard_window_case_idx" ON "corrections_aboard_window" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "corrections_aboard_window_vessel_idx" ON "corrections_aboard_window" USING btree ("vessel_id","from_at");--> statement-breakpoint
CREATE INDEX "corrections_sea_trip_case_idx" ON "corrections_sea_trip" USING btree ("case_id","filed_at");--> statement-breakpoint
CREATE INDEX "corrections_sea_trip_vessel_idx" ON "corrections_sea_trip" USING btree ("vessel_id","planned_departure_at");--> statement-breakpoint
CREATE INDEX "corrections_sea_trip_status_idx" ON "corrections_sea_trip" USING btree ("status") WHERE "corrections_sea_trip"."status" in ('filed', 'approved', 'atSea');--> statement-breakpoint
CREATE INDEX "corrections_sea_trip_log_trip_idx" ON "corrections_sea_trip_log" USING btree ("trip_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_vessel_registration_key" ON "corrections_vessel" USING btree ("registration_no");--> statement-breakpoint
CREATE INDEX "corrections_vessel_unit_idx" ON "corrections_vessel" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "corrections_supervisee_phone_idx" ON "corrections_supervisee" USING btree ("phone_index");