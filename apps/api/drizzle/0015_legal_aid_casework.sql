CREATE TABLE "legal_aid_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"lawyer_id" uuid NOT NULL,
	"method" text NOT NULL,
	"reason" text,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"end_note" text,
	"notice_document_id" uuid
);
--> statement-breakpoint
CREATE TABLE "legal_aid_closing" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"summary" text NOT NULL,
	"amount_recovered_yuan" numeric(14, 2),
	"closed_on" date NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_progress_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_payment_batch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"item_count" integer NOT NULL,
	"total_yuan" numeric(14, 2) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_pledge_check" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"result" text NOT NULL,
	"note" text NOT NULL,
	"cost_recovery_yuan" numeric(14, 2),
	"recovered_on" date,
	"checked_by" uuid,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_rating" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"rating" text NOT NULL,
	"review_methods" text[] NOT NULL,
	"note" text,
	"funding_source" text NOT NULL,
	"matter_type" text NOT NULL,
	"rate_id" uuid,
	"base_yuan" numeric(14, 2) NOT NULL,
	"coefficient" numeric(5, 2) NOT NULL,
	"subsidy_yuan" numeric(14, 2) NOT NULL,
	"batch_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"rated_by" uuid,
	"rated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_subsidy_rate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_type" text NOT NULL,
	"effective_from" date NOT NULL,
	"base_yuan" numeric(14, 2) NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legal_aid_assignment" ADD CONSTRAINT "legal_aid_assignment_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_assignment" ADD CONSTRAINT "legal_aid_assignment_lawyer_id_legal_aid_lawyer_id_fk" FOREIGN KEY ("lawyer_id") REFERENCES "public"."legal_aid_lawyer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_assignment" ADD CONSTRAINT "legal_aid_assignment_assigned_by_staff_user_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_closing" ADD CONSTRAINT "legal_aid_closing_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_closing" ADD CONSTRAINT "legal_aid_closing_closed_by_staff_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_progress_entry" ADD CONSTRAINT "legal_aid_progress_entry_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_progress_entry" ADD CONSTRAINT "legal_aid_progress_entry_created_by_staff_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_payment_batch" ADD CONSTRAINT "legal_aid_payment_batch_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_payment_batch" ADD CONSTRAINT "legal_aid_payment_batch_created_by_staff_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_pledge_check" ADD CONSTRAINT "legal_aid_pledge_check_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_pledge_check" ADD CONSTRAINT "legal_aid_pledge_check_checked_by_staff_user_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_rating" ADD CONSTRAINT "legal_aid_rating_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_rating" ADD CONSTRAINT "legal_aid_rating_rate_id_legal_aid_subsidy_rate_id_fk" FOREIGN KEY ("rate_id") REFERENCES "public"."legal_aid_subsidy_rate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_rating" ADD CONSTRAINT "legal_aid_rating_batch_id_legal_aid_payment_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."legal_aid_payment_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_rating" ADD CONSTRAINT "legal_aid_rating_rated_by_staff_user_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_subsidy_rate" ADD CONSTRAINT "legal_aid_subsidy_rate_created_by_staff_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_aid_assignment_case_idx" ON "legal_aid_assignment" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "legal_aid_assignment_lawyer_idx" ON "legal_aid_assignment" USING btree ("lawyer_id","assigned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_aid_assignment_current_key" ON "legal_aid_assignment" USING btree ("case_id") WHERE "legal_aid_assignment"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "legal_aid_closing_closed_on_idx" ON "legal_aid_closing" USING btree ("closed_on");--> statement-breakpoint
CREATE INDEX "legal_aid_progress_entry_case_idx" ON "legal_aid_progress_entry" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE INDEX "legal_aid_payment_batch_unit_idx" ON "legal_aid_payment_batch" USING btree ("unit_id","period_from");--> statement-breakpoint
CREATE INDEX "legal_aid_rating_batch_idx" ON "legal_aid_rating" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "legal_aid_rating_rated_at_idx" ON "legal_aid_rating" USING btree ("rated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_aid_subsidy_rate_key" ON "legal_aid_subsidy_rate" USING btree ("matter_type","effective_from");