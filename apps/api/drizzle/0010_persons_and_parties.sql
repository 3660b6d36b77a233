CREATE TABLE "case_party" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"party_kind" text NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"role" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_party_kind_check" CHECK (("case_party"."party_kind" = 'person' and "case_party"."person_id" is not null and "case_party"."organisation_id" is null) or ("case_party"."party_kind" = 'organisation' and "case_party"."organisation_id" is not null and "case_party"."person_id" is null))
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"kind" text NOT NULL,
	"legal_representative" text,
	"address" text,
	"phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organisation_credit_code_key" UNIQUE("credit_code")
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"id_type" text,
	"id_number_enc" text,
	"id_number_index" text,
	"phone_enc" text,
	"phone_index" text,
	"address_enc" text,
	"gender" text,
	"birth_date" date,
	"ethnicity" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_id_pair_check" CHECK (("person"."id_type" is null) = ("person"."id_number_enc" is null) and ("person"."id_number_enc" is null) = ("person"."id_number_index" is null))
);
--> statement-breakpoint
ALTER TABLE "case_party" ADD CONSTRAINT "case_party_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_party" ADD CONSTRAINT "case_party_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_party" ADD CONSTRAINT "case_party_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_party_case_idx" ON "case_party" USING btree ("case_id","sort_order");--> statement-breakpoint
CREATE INDEX "case_party_person_idx" ON "case_party" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_party_organisation_idx" ON "case_party" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_party_person_role_key" ON "case_party" USING btree ("case_id","role","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_party_organisation_role_key" ON "case_party" USING btree ("case_id","role","organisation_id");--> statement-breakpoint
CREATE INDEX "organisation_name_idx" ON "organisation" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "person_id_number_key" ON "person" USING btree ("id_type","id_number_index");--> statement-breakpoint
CREATE INDEX "person_phone_idx" ON "person" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "person_name_idx" ON "person" USING btree ("name");