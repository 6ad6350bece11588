ALTER TABLE "crm"."parties" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "crm"."parties" ADD CONSTRAINT "parties_language_check" CHECK ("crm"."parties"."language" in ('es', 'en'));