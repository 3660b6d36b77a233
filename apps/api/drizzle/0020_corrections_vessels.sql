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
ALTER TABLE "corrections_aboard_window" ADD CONSTRAINT "corrections_aboard_window_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_aboard_window" ADD CONSTRAINT "corrections_aboard_window_vessel_id_corrections_vessel_id_fk" FOREIGN KEY ("vessel_id") REFERENCES "public"."corrections_vessel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sea_trip" ADD CONSTRAINT "corrections_sea_trip_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sea_trip" ADD CONSTRAINT "corrections_sea_trip_vessel_id_corrections_vessel_id_fk" FOREIGN KEY ("vessel_id") REFERENCES "public"."corrections_vessel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_sea_trip_log" ADD CONSTRAINT "corrections_sea_trip_log_trip_id_corrections_sea_trip_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."corrections_sea_trip"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_tracking_basis" ADD CONSTRAINT "corrections_tracking_basis_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections_vessel" ADD CONSTRAINT "corrections_vessel_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrections_aboard_window_case_idx" ON "corrections_aboard_window" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "corrections_aboard_window_vessel_idx" ON "corrections_aboard_window" USING btree ("vessel_id","from_at");--> statement-breakpoint
CREATE INDEX "corrections_sea_trip_case_idx" ON "corrections_sea_trip" USING btree ("case_id","filed_at");--> statement-breakpoint
CREATE INDEX "corrections_sea_trip_vessel_idx" ON "corrections_sea_trip" USING btree ("vessel_id","planned_departure_at");--> statement-breakpoint
CREATE INDEX "corrections_sea_trip_status_idx" ON "corrections_sea_trip" USING btree ("status") WHERE "corrections_sea_trip"."status" in ('filed', 'approved', 'atSea');--> statement-breakpoint
CREATE INDEX "corrections_sea_trip_log_trip_idx" ON "corrections_sea_trip_log" USING btree ("trip_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_vessel_registration_key" ON "corrections_vessel" USING btree ("registration_no");--> statement-breakpoint
CREATE INDEX "corrections_vessel_unit_idx" ON "corrections_vessel" USING btree ("unit_id");