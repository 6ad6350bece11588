-- Emails matched as stored lower-cased keys. Under row-level security an index serves the app
-- role only for conditions whose functions are leakproof: `lower(email) = $1` is not, so the
-- indexes on lower(email) were never used and every match by email read the tenant's rows.
-- `email_key = $1` compares plain text, which is. Hand-written part: the columns and their
-- indexes are outside the Drizzle schema, so records, audit entries and events never carry
-- them (as `search_text`, migration 0024); the code names them through `emailKey()`.
DROP INDEX "crm"."contacts_tenant_email_idx";--> statement-breakpoint
DROP INDEX "crm"."parties_tenant_email_idx";--> statement-breakpoint
ALTER TABLE crm.parties ADD COLUMN email_key text GENERATED ALWAYS AS (lower(email)) STORED;--> statement-breakpoint
CREATE INDEX parties_tenant_email_key_idx ON crm.parties (tenant_id, email_key);--> statement-breakpoint
ALTER TABLE crm.contacts ADD COLUMN email_key text GENERATED ALWAYS AS (lower(email)) STORED;--> statement-breakpoint
CREATE INDEX contacts_tenant_email_key_idx ON crm.contacts (tenant_id, email_key);
