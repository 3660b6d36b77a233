CREATE TABLE "case_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"transition" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"comment" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_participant" (
	"case_id" uuid NOT NULL,
	"account_kind" text NOT NULL,
	"account_id" text NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_participant_pk" PRIMARY KEY("case_id","account_kind","account_id","role"),
	CONSTRAINT "case_participant_kind_check" CHECK ("case_participant"."account_kind" in ('staff', 'citizen'))
);
--> statement-breakpoint
CREATE TABLE "case_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_type" text NOT NULL,
	"case_no" text,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"competent_unit_id" integer NOT NULL,
	"receiving_unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_record_case_no_key" UNIQUE("case_no")
);
--> statement-breakpoint
ALTER TABLE "case_history" ADD CONSTRAINT "case_history_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participant" ADD CONSTRAINT "case_participant_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_competent_unit_id_org_unit_id_fk" FOREIGN KEY ("competent_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_receiving_unit_id_org_unit_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_history_case_idx" ON "case_history" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_participant_account_idx" ON "case_participant" USING btree ("account_kind","account_id");--> statement-breakpoint
CREATE INDEX "case_record_type_status_idx" ON "case_record" USING btree ("case_type","status");--> statement-breakpoint
CREATE INDEX "case_record_competent_unit_idx" ON "case_record" USING btree ("competent_unit_id");--> statement-breakpoint
CREATE INDEX "case_record_receiving_unit_idx" ON "case_record" USING btree ("receiving_unit_id");