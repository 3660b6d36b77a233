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
ALTER TABLE "corrections_ending" ADD CONSTRAINT "corrections_ending_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_ending" ADD CONSTRAINT "corrections_ending_certificate_document_id_case_document_id_fk" FOREIGN KEY ("certificate_document_id") REFERENCES "public"."case_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_release_notice" ADD CONSTRAINT "corrections_release_notice_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sweep_campaign" ADD CONSTRAINT "corrections_sweep_campaign_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sweep_item" ADD CONSTRAINT "corrections_sweep_item_campaign_id_corrections_sweep_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."corrections_sweep_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sweep_item" ADD CONSTRAINT "corrections_sweep_item_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sweep_item" ADD CONSTRAINT "corrections_sweep_item_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_certificate" ADD CONSTRAINT "corrections_certificate_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_certificate" ADD CONSTRAINT "corrections_certificate_training_id_corrections_training_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."corrections_training"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_employment_guidance" ADD CONSTRAINT "corrections_employment_guidance_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_training" ADD CONSTRAINT "corrections_training_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrections_ending_ended_idx" ON "corrections_ending" USING btree ("kind","ended_on");--> statement-breakpoint
CREATE INDEX "corrections_release_notice_case_idx" ON "corrections_release_notice" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_sweep_item_key" ON "corrections_sweep_item" USING btree ("campaign_id","case_id");--> statement-breakpoint
CREATE INDEX "corrections_sweep_item_unit_idx" ON "corrections_sweep_item" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE INDEX "corrections_certificate_case_idx" ON "corrections_certificate" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "corrections_certificate_issued_idx" ON "corrections_certificate" USING btree ("kind","issued_on");--> statement-breakpoint
CREATE INDEX "corrections_employment_guidance_case_idx" ON "corrections_employment_guidance" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "corrections_training_case_idx" ON "corrections_training" USING btree ("case_id");