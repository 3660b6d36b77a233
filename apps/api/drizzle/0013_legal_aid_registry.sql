CREATE TABLE "legal_aid_consultation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"channel" text NOT NULL,
	"consulted_at" timestamp with time zone NOT NULL,
	"person_name" text NOT NULL,
	"phone_enc" text,
	"phone_index" text,
	"topic" text NOT NULL,
	"summary" text NOT NULL,
	"outcome" text NOT NULL,
	"referred_to" text,
	"station_id" uuid,
	"handled_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_duty_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"lawyer_id" uuid NOT NULL,
	"station_id" uuid,
	"place" text,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "legal_aid_duty_entry_days_check" CHECK ("legal_aid_duty_entry"."to_day" >= "legal_aid_duty_entry"."from_day")
);
--> statement-breakpoint
CREATE TABLE "legal_aid_lawyer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"staff_user_id" uuid,
	"law_firm" text NOT NULL,
	"licence_number" text NOT NULL,
	"practice_start_date" date NOT NULL,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"registered_on" date NOT NULL,
	"pro_bono_from" date,
	"pro_bono_to" date,
	"expert_panel" boolean DEFAULT false NOT NULL,
	"unavailable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"left_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_station" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"host_name" text NOT NULL,
	"address" text,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_support_team" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"set_up_on" date NOT NULL,
	"dissolved_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legal_aid_consultation" ADD CONSTRAINT "legal_aid_consultation_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_consultation" ADD CONSTRAINT "legal_aid_consultation_station_id_legal_aid_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."legal_aid_station"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_consultation" ADD CONSTRAINT "legal_aid_consultation_handled_by_staff_user_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_duty_entry" ADD CONSTRAINT "legal_aid_duty_entry_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_duty_entry" ADD CONSTRAINT "legal_aid_duty_entry_lawyer_id_legal_aid_lawyer_id_fk" FOREIGN KEY ("lawyer_id") REFERENCES "public"."legal_aid_lawyer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_duty_entry" ADD CONSTRAINT "legal_aid_duty_entry_station_id_legal_aid_station_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."legal_aid_station"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_lawyer" ADD CONSTRAINT "legal_aid_lawyer_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_lawyer" ADD CONSTRAINT "legal_aid_lawyer_staff_user_id_staff_user_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_station" ADD CONSTRAINT "legal_aid_station_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_support_team" ADD CONSTRAINT "legal_aid_support_team_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_aid_consultation_unit_idx" ON "legal_aid_consultation" USING btree ("unit_id","consulted_at");--> statement-breakpoint
CREATE INDEX "legal_aid_consultation_phone_idx" ON "legal_aid_consultation" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "legal_aid_duty_entry_unit_idx" ON "legal_aid_duty_entry" USING btree ("unit_id","from_day");--> statement-breakpoint
CREATE INDEX "legal_aid_duty_entry_lawyer_idx" ON "legal_aid_duty_entry" USING btree ("lawyer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_aid_lawyer_licence_key" ON "legal_aid_lawyer" USING btree ("licence_number");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_aid_lawyer_staff_user_key" ON "legal_aid_lawyer" USING btree ("staff_user_id");--> statement-breakpoint
CREATE INDEX "legal_aid_lawyer_unit_idx" ON "legal_aid_lawyer" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "legal_aid_station_unit_idx" ON "legal_aid_station" USING btree ("unit_id","opened_on");--> statement-breakpoint
CREATE INDEX "legal_aid_support_team_unit_idx" ON "legal_aid_support_team" USING btree ("unit_id");