-- Issue 23, the keys Drizzle cannot declare (see 0030 for the rule and for why old rows that
-- break a key are cleared rather than kept under NOT VALID):
-- * activities.contact_id: a contact is deleted for good (party-details), and its activities
--   then keep their other links: ON DELETE SET NULL (contact_id) leaves tenant_id alone, which
--   Drizzle's `set null` would null too (PostgreSQL >= 15, as required).
-- * memberships.party_id and invitations.party_id point at crm.parties from the auth schema;
--   crm's tables import auth's, so auth's cannot declare a key to crm's.
-- Old rows: a dangling contact is cleared; a pending invitation for another company's party is
-- revoked and loses the party. A client or supplier membership cannot lose its party (check
-- memberships_party_check), so one for another company's party is disabled, and the key is
-- added NOT VALID and validated only when no such membership is left: such a database keeps
-- refusing new bad references, and a later migration validates once the members are fixed.
ALTER TABLE crm.activities NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.contacts NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.parties NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE auth.memberships NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE auth.invitations NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE crm.activities a SET contact_id = NULL
 WHERE contact_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM crm.contacts c WHERE c.tenant_id = a.tenant_id AND c.id = a.contact_id);--> statement-breakpoint
UPDATE auth.invitations i
   SET party_id = NULL,
       revoked_at = CASE WHEN accepted_at IS NULL THEN coalesce(revoked_at, now()) ELSE revoked_at END
 WHERE party_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM crm.parties p WHERE p.tenant_id = i.tenant_id AND p.id = i.party_id);--> statement-breakpoint
ALTER TABLE crm.activities ADD CONSTRAINT activities_contact_fk FOREIGN KEY (tenant_id, contact_id)
  REFERENCES crm.contacts (tenant_id, id) ON DELETE SET NULL (contact_id);--> statement-breakpoint
ALTER TABLE auth.invitations ADD CONSTRAINT invitations_party_fk FOREIGN KEY (tenant_id, party_id)
  REFERENCES crm.parties (tenant_id, id);--> statement-breakpoint
ALTER TABLE auth.memberships ADD CONSTRAINT memberships_party_fk FOREIGN KEY (tenant_id, party_id)
  REFERENCES crm.parties (tenant_id, id) NOT VALID;--> statement-breakpoint
UPDATE auth.memberships m SET status = 'disabled', valid_after = now()
 WHERE party_id IS NOT NULL AND status <> 'disabled'
   AND NOT EXISTS (SELECT 1 FROM crm.parties p WHERE p.tenant_id = m.tenant_id AND p.id = m.party_id);--> statement-breakpoint
-- The update queues the principal epoch's deferred trigger; fire it now, as ALTER TABLE
-- refuses a table with pending trigger events.
SET CONSTRAINTS auth.memberships_principal_epoch_update IMMEDIATE;--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM auth.memberships m
     WHERE m.party_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM crm.parties p WHERE p.tenant_id = m.tenant_id AND p.id = m.party_id)
  ) THEN
    ALTER TABLE auth.memberships VALIDATE CONSTRAINT memberships_party_fk;
  END IF;
END $$;--> statement-breakpoint
ALTER TABLE crm.activities FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.contacts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE crm.parties FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE auth.memberships FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE auth.invitations FORCE ROW LEVEL SECURITY;
