-- Hand-written: the accounts context's tenant policies and grants, and the guards that keep
-- its ledger honest whoever writes (erp.md §4): every posted entry balances at COMMIT, posted
-- entries and their lines never change, nothing posts on or before the lock date, and a
-- receivable or payable line names its party.
SELECT nexo.enable_tenant_rls('accounts.accounts');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('accounts.settings');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('accounts.journals');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('accounts.entries');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('accounts.entry_lines');
--> statement-breakpoint
-- Deferred to COMMIT, so an entry's lines may be written one by one: a posted entry whose
-- debits and credits differ when the transaction ends is refused, and nothing of it stays.
CREATE FUNCTION accounts.check_entry_balances() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
DECLARE
  entry uuid;
  tenant uuid;
  posted boolean;
  debits numeric;
  credits numeric;
BEGIN
  -- One branch per table: a record's field is looked up only where it exists.
  IF TG_TABLE_NAME = 'entries' THEN
    entry := NEW.id;
    tenant := NEW.tenant_id;
  ELSIF TG_OP = 'DELETE' THEN
    entry := OLD.entry_id;
    tenant := OLD.tenant_id;
  ELSE
    entry := NEW.entry_id;
    tenant := NEW.tenant_id;
  END IF;
  SELECT e.state = 'posted' INTO posted FROM accounts.entries e
   WHERE e.tenant_id = tenant AND e.id = entry;
  IF posted IS NOT TRUE THEN RETURN NULL; END IF;
  SELECT coalesce(sum(l.debit), 0), coalesce(sum(l.credit), 0) INTO debits, credits
    FROM accounts.entry_lines l WHERE l.tenant_id = tenant AND l.entry_id = entry;
  IF debits <> credits OR debits = 0 THEN
    RAISE EXCEPTION 'entry % does not balance: debits % and credits %', entry, debits, credits
      USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_balanced',
            SCHEMA = 'accounts', TABLE = 'entries';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER entries_balanced AFTER INSERT OR UPDATE ON accounts.entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION accounts.check_entry_balances();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER entry_lines_balanced AFTER INSERT OR UPDATE OR DELETE ON accounts.entry_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION accounts.check_entry_balances();
--> statement-breakpoint
-- A posted entry never changes and is never deleted; only a draft does. Posting is the one
-- change from draft, and it is refused on or before the company's lock date.
CREATE FUNCTION accounts.guard_entry() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
DECLARE
  locked date;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = 'posted' THEN
    RAISE EXCEPTION 'entry % is posted: it is corrected by a reversal, never changed', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_posted',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  IF NEW.state = 'posted' THEN
    SELECT s.lock_date INTO locked FROM accounts.settings s WHERE s.tenant_id = NEW.tenant_id;
    IF locked IS NOT NULL AND NEW.entry_date <= locked THEN
      RAISE EXCEPTION 'the period up to % is locked', locked
        USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_period_locked',
              SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER entries_guard BEFORE INSERT OR UPDATE OR DELETE ON accounts.entries
  FOR EACH ROW EXECUTE FUNCTION accounts.guard_entry();
--> statement-breakpoint
-- The lines of a posted entry are neither added, changed nor removed; a receivable or payable
-- line names the party whose current account it is.
CREATE FUNCTION accounts.guard_entry_line() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
DECLARE
  kind text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
       SELECT 1 FROM accounts.entries e
        WHERE e.tenant_id = OLD.tenant_id AND e.id = OLD.entry_id AND e.state = 'posted') THEN
    RAISE EXCEPTION 'the lines of a posted entry never change'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_posted',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  IF EXISTS (SELECT 1 FROM accounts.entries e
              WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.entry_id AND e.state = 'posted') THEN
    RAISE EXCEPTION 'the lines of a posted entry never change'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_posted',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
  END IF;
  SELECT a.type INTO kind FROM accounts.accounts a
   WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.account_id;
  IF kind IN ('receivable', 'payable') AND NEW.party_id IS NULL THEN
    RAISE EXCEPTION 'a % line names its party', kind
      USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_line_party',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER entry_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON accounts.entry_lines
  FOR EACH ROW EXECUTE FUNCTION accounts.guard_entry_line();
