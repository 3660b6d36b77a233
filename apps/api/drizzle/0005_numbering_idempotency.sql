CREATE TABLE "idempotency_record" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "idempotency_record_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account" text NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" text NOT NULL,
	"response_status" integer,
	"response_enc" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_record_account_key_pk" PRIMARY KEY("account","key"),
	CONSTRAINT "idempotency_record_id_unique" UNIQUE("id"),
	CONSTRAINT "idempotency_record_status_check" CHECK ("idempotency_record"."status" in ('inProgress', 'completed')),
	CONSTRAINT "idempotency_record_response_check" CHECK ("idempotency_record"."status" = 'inProgress' or ("idempotency_record"."response_status" is not null and "idempotency_record"."response_enc" is not null))
);
--> statement-breakpoint
CREATE TABLE "number_prefix" (
	"unit_id" integer NOT NULL,
	"series" text NOT NULL,
	"prefix" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "number_prefix_unit_id_series_pk" PRIMARY KEY("unit_id","series"),
	CONSTRAINT "number_prefix_series_prefix_unique" UNIQUE("series","prefix")
);
--> statement-breakpoint
CREATE TABLE "number_sequence" (
	"kind" text NOT NULL,
	"series" text NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "number_sequence_kind_series_unit_id_year_pk" PRIMARY KEY("kind","series","unit_id","year"),
	CONSTRAINT "number_sequence_kind_check" CHECK ("number_sequence"."kind" in ('caseNo', 'documentNo')),
	CONSTRAINT "number_sequence_value_check" CHECK ("number_sequence"."last_value" >= 1),
	CONSTRAINT "number_sequence_year_check" CHECK ("number_sequence"."year" between 1000 and 9999)
);
--> statement-breakpoint
ALTER TABLE "number_prefix" ADD CONSTRAINT "number_prefix_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_sequence" ADD CONSTRAINT "number_sequence_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_record_expires_idx" ON "idempotency_record" USING btree ("expires_at");