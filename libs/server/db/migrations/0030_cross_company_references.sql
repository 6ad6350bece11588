-- Issue 23: no record may point into another company. Every reference below becomes a key
-- that leads with tenant_id, so it can only match a row of the same company: a team, a party,
-- an opportunity, or, for a user (owner, assignee), the user's membership of the company
-- (auth.memberships (tenant_id, user_id) is unique, and memberships are never deleted, only
-- disabled). A write that names another company's record, or none, fails with 23503, which
-- `@nexo/db` turns into a 400 naming the field (constraint-errors.ts), as for unknown ids.
--
-- Rows already stored that break a key (a reference into another company, to nothing, or an
-- owner/assignee that is no member: an API client's id, which integrations got as default
-- owner) are not kept: such a reference means nothing in this company and only leaks the
-- other one's ids. They are set to null first, so the migration cannot fail on old data and
-- the keys are validated at once (NOT VALID would leave the bad rows in place). A price list
-- for a party that loses its party would apply to everyone: it is also made inactive.
-- The tables force row-level security on their owner, who runs migrations: the clean-up
-- reads and writes with it lifted, inside this migration's transaction, and forces it again.
ALTER TABLE crm.parties NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.leads NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.opportunities NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.activities NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.timeline_entries NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.teams NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE auth.memberships NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE catalog.price_lists NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE catalog.price_lists l SET party_id = NULL, active = false
 WHERE party_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM crm.parties p WHERE p.tenant_id = l.tenant_id AND p.id = l.party_id);--> statement-breakpoint
UPDATE crm.activities a SET assignee_id = NULL
 WHERE assignee_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM auth.memberships m WHERE m.tenant_id = a.tenant_id AND m.user_id = a.assignee_id);--> statement-breakpoint
UPDATE crm.leads l SET owner_id = NULL
 WHERE owner_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM auth.memberships m WHERE m.tenant_id = l.tenant_id AND m.user_id = l.owner_id);--> statement-breakpoint
UPDATE crm.leads l SET team_id = NULL
 WHERE team_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM crm.teams t WHERE t.tenant_id = l.tenant_id AND t.id = l.team_id);--> statement-breakpoint
UPDATE crm.leads l SET converted_party_id = NULL
 WHERE converted_party_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM crm.parties p WHERE p.tenant_id = l.tenant_id AND p.id = l.converted_party_id);--> statement-breakpoint
UPDATE crm.leads l SET converted_opportunity_id = NULL
 WHERE converted_opportunity_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM crm.opportunities o WHERE o.tenant_id = l.tenant_id AND o.id = l.converted_opportunity_id);--> statement-breakpoint
UPDATE crm.opportunities o SET owner_id = NULL
 WHERE owner_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM auth.memberships m WHERE m.tenant_id = o.tenant_id AND m.user_id = o.owner_id);--> statement-breakpoint
UPDATE crm.opportunities o SET team_id = NULL
 WHERE team_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM crm.teams t WHERE t.tenant_id = o.tenant_id AND t.id = o.team_id);--> statement-breakpoint
UPDATE crm.parties p SET owner_id = NULL
 WHERE owner_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM auth.memberships m WHERE m.tenant_id = p.tenant_id AND m.user_id = p.owner_id);--> statement-breakpoint
UPDATE crm.parties p SET team_id = NULL
 WHERE team_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM crm.teams t WHERE t.tenant_id = p.tenant_id AND t.id = p.team_id);--> statement-breakpoint
UPDATE crm.parties p SET merged_into_id = NULL
 WHERE merged_into_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM crm.parties q WHERE q.tenant_id = p.tenant_id AND q.id = p.merged_into_id);--> statement-breakpoint
UPDATE crm.timeline_entries e SET party_id = NULL
 WHERE party_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM crm.parties p WHERE p.tenant_id = e.tenant_id AND p.id = e.party_id);--> statement-breakpoint
UPDATE crm.timeline_entries e SET opportunity_id = NULL
 WHERE opportunity_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM crm.opportunities o WHERE o.tenant_id = e.tenant_id AND o.id = e.opportunity_id);--> statement-breakpoint
ALTER TABLE crm.parties FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.leads FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.opportunities FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.activities FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.timeline_entries FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.teams FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE auth.memberships FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE catalog.price_lists FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "catalog"."price_lists" ADD CONSTRAINT "price_lists_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "crm"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_assignee_fk" FOREIGN KEY ("tenant_id","assignee_id") REFERENCES "auth"."memberships"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."leads" ADD CONSTRAINT "leads_owner_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "auth"."memberships"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."leads" ADD CONSTRAINT "leads_team_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "crm"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."leads" ADD CONSTRAINT "leads_converted_party_fk" FOREIGN KEY ("tenant_id","converted_party_id") REFERENCES "crm"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."leads" ADD CONSTRAINT "leads_converted_opportunity_fk" FOREIGN KEY ("tenant_id","converted_opportunity_id") REFERENCES "crm"."opportunities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."opportunities" ADD CONSTRAINT "opportunities_owner_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "auth"."memberships"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."opportunities" ADD CONSTRAINT "opportunities_team_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "crm"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."parties" ADD CONSTRAINT "parties_owner_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "auth"."memberships"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."parties" ADD CONSTRAINT "parties_team_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "crm"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."parties" ADD CONSTRAINT "parties_merged_into_fk" FOREIGN KEY ("tenant_id","merged_into_id") REFERENCES "crm"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."timeline_entries" ADD CONSTRAINT "timeline_entries_party_fk" FOREIGN KEY ("tenant_id","party_id") REFERENCES "crm"."parties"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm"."timeline_entries" ADD CONSTRAINT "timeline_entries_opportunity_fk" FOREIGN KEY ("tenant_id","opportunity_id") REFERENCES "crm"."opportunities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_tenant_contact_idx" ON "crm"."activities" USING btree ("tenant_id","contact_id");
