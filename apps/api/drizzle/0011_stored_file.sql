CREATE TABLE "stored_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid,
	"owner_kind" text NOT NULL,
	"owner_id" text NOT NULL,
	"category" text NOT NULL,
	"original_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" text,
	CONSTRAINT "stored_file_storage_key_key" UNIQUE("storage_key"),
	CONSTRAINT "stored_file_owner_kind_check" CHECK ("stored_file"."owner_kind" in ('staff', 'citizen')),
	CONSTRAINT "stored_file_size_check" CHECK ("stored_file"."size" > 0)
);
--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_file_case_idx" ON "stored_file" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "stored_file_owner_idx" ON "stored_file" USING btree ("owner_kind","owner_id","created_at");