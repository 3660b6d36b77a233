CREATE TABLE "demo_record" (
	"table_name" text NOT NULL,
	"record_id" text NOT NULL,
	"step_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "demo_record_table_name_record_id_pk" PRIMARY KEY("table_name","record_id")
);
--> statement-breakpoint
CREATE TABLE "demo_step" (
	"id" text PRIMARY KEY NOT NULL,
	"completed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "demo_record_step_idx" ON "demo_record" USING btree ("step_id");