CREATE TABLE "tracking_alert" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"state" text NOT NULL,
	"fold_key" text NOT NULL,
	"vessel_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"supervisees" jsonb NOT NULL,
	"fence_id" uuid,
	"fence_version" integer,
	"trip_id" uuid,
	"terminal_alarm" text,
	"terminal_id" uuid,
	"rule" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"occurrences" integer NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"acknowledge_by" timestamp with time zone NOT NULL,
	"resolve_by" timestamp with time zone NOT NULL,
	"escalated" text,
	"assignee_id" text,
	"assignee_name" text,
	"disposition" text,
	"resolved_at" timestamp with time zone,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_alert_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "tracking_fence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"shape" jsonb NOT NULL,
	"calendar" jsonb NOT NULL,
	"exempt_gear_types" jsonb NOT NULL,
	"dwell_minutes" integer NOT NULL,
	"vessel_ids" jsonb NOT NULL,
	"unit_id" integer NOT NULL,
	"active" boolean NOT NULL,
	"note" text,
	"version" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_fence_version" (
	"fence_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tracking_fence_version_pk" PRIMARY KEY("fence_id","version")
);
--> statement-breakpoint
ALTER TABLE "tracking_alert" ADD CONSTRAINT "tracking_alert_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_alert" ADD CONSTRAINT "tracking_alert_fence_id_tracking_fence_id_fk" FOREIGN KEY ("fence_id") REFERENCES "public"."tracking_fence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_alert_event" ADD CONSTRAINT "tracking_alert_event_alert_id_tracking_alert_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."tracking_alert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_fence" ADD CONSTRAINT "tracking_fence_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_fence_version" ADD CONSTRAINT "tracking_fence_version_fence_id_tracking_fence_id_fk" FOREIGN KEY ("fence_id") REFERENCES "public"."tracking_fence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_alert_open_key" ON "tracking_alert" USING btree ("fold_key") WHERE "tracking_alert"."state" <> 'resolved';--> statement-breakpoint
CREATE INDEX "tracking_alert_unit_state_idx" ON "tracking_alert" USING btree ("unit_id","state","last_at");--> statement-breakpoint
CREATE INDEX "tracking_alert_vessel_idx" ON "tracking_alert" USING btree ("vessel_id","first_at");--> statement-breakpoint
CREATE INDEX "tracking_alert_event_alert_idx" ON "tracking_alert_event" USING btree ("alert_id","at");--> statement-breakpoint
CREATE INDEX "tracking_fence_unit_idx" ON "tracking_fence" USING btree ("unit_id");