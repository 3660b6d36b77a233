ALTER TABLE "corrections_supervisee" ADD COLUMN "phone_enc" text;--> statement-breakpoint
ALTER TABLE "corrections_supervisee" ADD COLUMN "phone_index" text;--> statement-breakpoint
CREATE INDEX "corrections_supervisee_phone_idx" ON "corrections_supervisee" USING btree ("phone_index");