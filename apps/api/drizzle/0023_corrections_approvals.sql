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
ALTER TABLE "corrections_approval" ADD CONSTRAINT "corrections_approval_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_approval" ADD CONSTRAINT "corrections_approval_supervisee_case_id_case_record_id_fk" FOREIGN KEY ("supervisee_case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_monitoring_order" ADD CONSTRAINT "corrections_monitoring_order_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_monitoring_order" ADD CONSTRAINT "corrections_monitoring_order_supervisee_case_id_case_record_id_fk" FOREIGN KEY ("supervisee_case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_monitoring_order" ADD CONSTRAINT "corrections_monitoring_order_evidence_sanction_id_case_record_id_fk" FOREIGN KEY ("evidence_sanction_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_monitoring_order" ADD CONSTRAINT "corrections_monitoring_order_evidence_approval_id_case_record_id_fk" FOREIGN KEY ("evidence_approval_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_monitoring_review" ADD CONSTRAINT "corrections_monitoring_review_order_case_id_case_record_id_fk" FOREIGN KEY ("order_case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sanction" ADD CONSTRAINT "corrections_sanction_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sanction" ADD CONSTRAINT "corrections_sanction_supervisee_case_id_case_record_id_fk" FOREIGN KEY ("supervisee_case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrections_approval_supervisee_idx" ON "corrections_approval" USING btree ("supervisee_case_id","from_date");--> statement-breakpoint
CREATE INDEX "corrections_monitoring_supervisee_idx" ON "corrections_monitoring_order" USING btree ("supervisee_case_id");--> statement-breakpoint
CREATE INDEX "corrections_monitoring_review_order_idx" ON "corrections_monitoring_review" USING btree ("order_case_id");--> statement-breakpoint
CREATE INDEX "corrections_sanction_supervisee_idx" ON "corrections_sanction" USING btree ("supervisee_case_id","decided_on");