ALTER TABLE "case_deadline" ADD COLUMN "warn_on" date;--> statement-breakpoint
ALTER TABLE "case_deadline" ADD COLUMN "warn_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "case_deadline_running_warn_idx" ON "case_deadline" USING btree ("warn_on","warn_at") WHERE "case_deadline"."status" = 'running';