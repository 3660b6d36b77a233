CREATE TABLE "legal_aid_application" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"citizen_account_id" text,
	"applicant_person_id" uuid,
	"applicant_name" text NOT NULL,
	"applicant_id_masked" text,
	"applicant_tags" jsonb NOT NULL,
	"place_unit_id" integer NOT NULL,
	"matter" jsonb NOT NULL,
	"hardship" jsonb NOT NULL,
	"means_test" jsonb NOT NULL,
	"urgent" boolean NOT NULL,
	"urgent_reason" text,
	"draft_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "legal_aid_application_draft_key" UNIQUE("draft_id")
);
--> statement-breakpoint
CREATE TABLE "legal_aid_draft" (
	"id" uuid PRIMARY KEY NOT NULL,
	"citizen_account_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer NOT NULL,
	"case_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "legal_aid_draft_case_key" UNIQUE("case_id")
);
--> statement-breakpoint
ALTER TABLE "legal_aid_application" ADD CONSTRAINT "legal_aid_application_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_application" ADD CONSTRAINT "legal_aid_application_place_unit_id_org_unit_id_fk" FOREIGN KEY ("place_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_draft" ADD CONSTRAINT "legal_aid_draft_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_aid_application_citizen_idx" ON "legal_aid_application" USING btree ("citizen_account_id");--> statement-breakpoint
CREATE INDEX "legal_aid_draft_citizen_idx" ON "legal_aid_draft" USING btree ("citizen_account_id");