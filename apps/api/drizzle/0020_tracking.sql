CREATE TABLE "tracking_alarm" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"terminal_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"source" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_filtered_fix" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"terminal_id" uuid NOT NULL,
	"fixed_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"speed_kmh" real,
	"alarm_bits" bigint DEFAULT 0 NOT NULL,
	"status_bits" bigint DEFAULT 0 NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_installation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"terminal_id" uuid NOT NULL,
	"vessel_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_terminal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"terminal_number" text NOT NULL,
	"device_id" text NOT NULL,
	"model" text NOT NULL,
	"vendor_id" uuid,
	"sim" text NOT NULL,
	"edition" text NOT NULL,
	"unit_id" integer NOT NULL,
	"note" text,
	"retired_at" timestamp with time zone,
	"auth_code_hash" text,
	"registered_at" timestamp with time zone,
	"last_authenticated_at" timestamp with time zone,
	"imei" text,
	"software_version" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_vendor" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"key_hash" text,
	"key_hint" text,
	"key_issued_at" timestamp with time zone,
	"last_ingest_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tracking_alarm" ADD CONSTRAINT "tracking_alarm_terminal_id_tracking_terminal_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."tracking_terminal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_filtered_fix" ADD CONSTRAINT "tracking_filtered_fix_terminal_id_tracking_terminal_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."tracking_terminal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_installation" ADD CONSTRAINT "tracking_installation_terminal_id_tracking_terminal_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."tracking_terminal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_terminal" ADD CONSTRAINT "tracking_terminal_vendor_id_tracking_vendor_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."tracking_vendor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_terminal" ADD CONSTRAINT "tracking_terminal_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_alarm_key" ON "tracking_alarm" USING btree ("terminal_id","at","kind");--> statement-breakpoint
CREATE INDEX "tracking_alarm_received_idx" ON "tracking_alarm" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_filtered_fix_key" ON "tracking_filtered_fix" USING btree ("terminal_id","fixed_at");--> statement-breakpoint
CREATE INDEX "tracking_filtered_fix_received_idx" ON "tracking_filtered_fix" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "tracking_installation_terminal_idx" ON "tracking_installation" USING btree ("terminal_id","from_at");--> statement-breakpoint
CREATE INDEX "tracking_installation_vessel_idx" ON "tracking_installation" USING btree ("vessel_id","from_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_terminal_number_key" ON "tracking_terminal" USING btree ("terminal_number");--> statement-breakpoint
CREATE INDEX "tracking_terminal_unit_idx" ON "tracking_terminal" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_vendor_code_key" ON "tracking_vendor" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_vendor_key_hash_key" ON "tracking_vendor" USING btree ("key_hash") WHERE "tracking_vendor"."key_hash" is not null;--> statement-breakpoint
-- Written by hand (drizzle-kit does not generate partitioned tables): the track store, declared for queries in
-- src/modules/tracking/track.table.ts. One partition per UTC month, created on demand (track.partitions.ts).
CREATE TABLE "tracking_position" (
	"terminal_id" uuid NOT NULL REFERENCES "tracking_terminal"("id"),
	"fixed_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"altitude_m" smallint NOT NULL,
	"speed_kmh" real NOT NULL,
	"course" smallint NOT NULL,
	"alarm_bits" bigint NOT NULL,
	"status_bits" bigint NOT NULL,
	"satellites" smallint,
	"signal" smallint,
	"mileage_km" real,
	"source" text NOT NULL,
	PRIMARY KEY ("terminal_id", "fixed_at")
) PARTITION BY RANGE ("fixed_at");
