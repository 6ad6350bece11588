-- Hand-written: tenant policies for the ledger's new tables, locked periods, and what the
-- database does when an entry posts (erp.md §4): it chains the entry's hash to the
-- company's previous one, adds its lines to the per-day account balances, and opens an item
-- for each receivable or payable line. Allocations are append-only and move residuals.
SELECT nexo.enable_tenant_rls('accounts.fiscal_years');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('accounts.periods');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('accounts.posting_rules');
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('accounts.journal_sequences', ARRAY['SELECT', 'INSERT', 'UPDATE']);
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('accounts.chain_heads', ARRAY['SELECT', 'INSERT', 'UPDATE']);
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('accounts.account_balances', ARRAY['SELECT', 'INSERT', 'UPDATE']);
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('accounts.open_items', ARRAY['SELECT', 'INSERT', 'UPDATE']);
--> statement-breakpoint
SELECT nexo.enable_tenant_rls('accounts.allocations', ARRAY['SELECT', 'INSERT']);
--> statement-breakpoint
-- Nothing posts on or before the lock date, nor inside a locked period.
CREATE OR REPLACE FUNCTION accounts.guard_entry() RETURNS trigger
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
    IF (locked IS NOT NULL AND NEW.entry_date <= locked) OR EXISTS (
         SELECT 1 FROM accounts.periods p
          WHERE p.tenant_id = NEW.tenant_id AND p.locked
            AND NEW.entry_date BETWEEN p.start_date AND p.end_date) THEN
      RAISE EXCEPTION 'the period of % is locked', NEW.entry_date
        USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_period_locked',
              SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- What the hash covers: the entry and its lines, as canonical JSON (jsonb prints its keys in
-- a fixed order; numerics keep their column's scale; the time as epoch seconds, whatever the
-- session's time zone). Verification recomputes it from the rows as they are.
CREATE FUNCTION accounts.entry_content(e accounts.entries) RETURNS text
  LANGUAGE sql STABLE
  SET search_path = ''
AS $$
  SELECT jsonb_build_object(
    'id', e.id, 'tenant', e.tenant_id, 'journal', e.journal_id, 'number', e.number,
    'date', e.entry_date, 'description', e.description, 'sourceType', e.source_type,
    'sourceId', e.source_id, 'reverses', e.reverses_entry_id,
    'postedAt', extract(epoch from e.posted_at), 'postedBy', e.posted_by,
    'lines', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
               'id', l.id, 'position', l.position, 'account', l.account_id, 'party', l.party_id,
               'debit', l.debit, 'credit', l.credit, 'currency', l.currency,
               'amountCurrency', l.amount_currency, 'rate', l.rate, 'due', l.due_date,
               'description', l.description) ORDER BY l.position, l.id)
        FROM accounts.entry_lines l
       WHERE l.tenant_id = e.tenant_id AND l.entry_id = e.id), '[]'::jsonb))::text
$$;
--> statement-breakpoint
CREATE FUNCTION accounts.entry_hash(prev text, e accounts.entries) RETURNS text
  LANGUAGE sql STABLE
  SET search_path = ''
AS $$
  SELECT encode(pg_catalog.sha256(convert_to(prev || accounts.entry_content(e), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Posting chains the entry: the company's head row is locked (postings of one company take
-- their place in the chain one at a time), the entry gets the next place, the previous hash
-- and its own, and becomes the head.
CREATE FUNCTION accounts.chain_entry() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  IF NOT (NEW.state = 'posted' AND (TG_OP = 'INSERT' OR OLD.state = 'draft')) THEN
    RETURN NEW;
  END IF;
  INSERT INTO accounts.chain_heads (tenant_id, seq, hash) VALUES (NEW.tenant_id, 0, '')
    ON CONFLICT (tenant_id) DO NOTHING;
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM accounts.chain_heads h
   WHERE h.tenant_id = NEW.tenant_id FOR UPDATE;
  NEW.chain_seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := accounts.entry_hash(head_hash, NEW);
  UPDATE accounts.chain_heads SET seq = NEW.chain_seq, hash = NEW.hash
   WHERE tenant_id = NEW.tenant_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER entries_post_chain BEFORE INSERT OR UPDATE ON accounts.entries
  FOR EACH ROW EXECUTE FUNCTION accounts.chain_entry();
--> statement-breakpoint
-- After posting: the day's balances of each account, and an open item per receivable or
-- payable line (a line with no amount opens nothing). A realized exchange difference
-- (source `accounts.exchange_difference`) adjusts items already settled, and a revaluation
-- (`accounts.revaluation`) restates open ones at a day's rate: neither opens an item.
CREATE FUNCTION accounts.apply_posted_entry() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
BEGIN
  IF NOT (NEW.state = 'posted' AND OLD.state = 'draft') THEN RETURN NULL; END IF;
  INSERT INTO accounts.account_balances AS b (tenant_id, account_id, day, debit, credit)
  SELECT l.tenant_id, l.account_id, NEW.entry_date, sum(l.debit), sum(l.credit)
    FROM accounts.entry_lines l
   WHERE l.tenant_id = NEW.tenant_id AND l.entry_id = NEW.id
   GROUP BY l.tenant_id, l.account_id
   ORDER BY l.account_id
  ON CONFLICT (tenant_id, account_id, day) DO UPDATE
    SET debit = b.debit + excluded.debit, credit = b.credit + excluded.credit;
  INSERT INTO accounts.open_items (tenant_id, id, entry_id, entry_line_id, party_id, account_id,
                                   side, currency, amount, amount_currency, residual,
                                   residual_currency, document_date, due_date, source_type,
                                   source_id, description)
  SELECT l.tenant_id, gen_random_uuid(), NEW.id, l.id, l.party_id, l.account_id,
         CASE WHEN l.debit > 0 THEN 'debit' ELSE 'credit' END, l.currency,
         l.debit + l.credit, c.amount, l.debit + l.credit, c.amount,
         NEW.entry_date, coalesce(l.due_date, NEW.entry_date), NEW.source_type, NEW.source_id,
         coalesce(l.description, NEW.description)
    FROM accounts.entry_lines l
    JOIN accounts.accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
   CROSS JOIN LATERAL (SELECT CASE WHEN l.amount_currency = 0 THEN l.debit + l.credit
                                   ELSE abs(l.amount_currency) END AS amount) c
   WHERE l.tenant_id = NEW.tenant_id AND l.entry_id = NEW.id
     AND a.type IN ('receivable', 'payable') AND l.party_id IS NOT NULL
     AND l.debit + l.credit > 0
     AND NEW.source_type IS DISTINCT FROM 'accounts.exchange_difference'
     AND NEW.source_type IS DISTINCT FROM 'accounts.revaluation';
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER entries_posted_effects AFTER UPDATE ON accounts.entries
  FOR EACH ROW EXECUTE FUNCTION accounts.apply_posted_entry();
--> statement-breakpoint
-- An allocation settles a debit item (an invoice) with a credit item (a payment) of the same
-- party and currency; its row lowers both residuals, and the residual CHECKs refuse more
-- than is open. A row undoing another is its exact opposite, once.
CREATE FUNCTION accounts.apply_allocation() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
DECLARE
  undone accounts.allocations;
  matched int;
BEGIN
  IF NEW.undoes_id IS NOT NULL THEN
    SELECT * INTO undone FROM accounts.allocations a
     WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.undoes_id;
    IF undone.undoes_id IS NOT NULL OR undone.debit_item_id <> NEW.debit_item_id
       OR undone.credit_item_id <> NEW.credit_item_id
       OR undone.amount_currency <> -NEW.amount_currency
       OR undone.amount_debit <> -NEW.amount_debit
       OR undone.amount_credit <> -NEW.amount_credit THEN
      RAISE EXCEPTION 'an undoing allocation is the exact opposite of the one it undoes'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'allocation_undo',
              SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
    END IF;
  END IF;
  SELECT count(*) INTO matched FROM accounts.open_items i
   WHERE i.tenant_id = NEW.tenant_id AND i.party_id = NEW.party_id AND i.currency = NEW.currency
     AND ((i.id = NEW.debit_item_id AND i.side = 'debit')
       OR (i.id = NEW.credit_item_id AND i.side = 'credit'));
  IF matched <> 2 THEN
    RAISE EXCEPTION 'an allocation settles a debit item with a credit item of one party and currency'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'allocation_items',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
  END IF;
  -- The allocating service has locked both items in key order already, so two allocations
  -- over the same items never wait on each other in a cycle.
  UPDATE accounts.open_items i
     SET residual = i.residual - CASE WHEN i.id = NEW.debit_item_id THEN NEW.amount_debit
                                      ELSE NEW.amount_credit END,
         residual_currency = i.residual_currency - NEW.amount_currency
   WHERE i.tenant_id = NEW.tenant_id AND i.id IN (NEW.debit_item_id, NEW.credit_item_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER allocations_apply AFTER INSERT ON accounts.allocations
  FOR EACH ROW EXECUTE FUNCTION accounts.apply_allocation();
--> statement-breakpoint
CREATE FUNCTION accounts.refuse_ledger_change() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: an allocation is undone by its opposite', TG_TABLE_NAME
    USING ERRCODE = 'check_violation', CONSTRAINT = 'allocation_append_only',
          SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
CREATE TRIGGER allocations_append_only BEFORE UPDATE OR DELETE ON accounts.allocations
  FOR EACH ROW EXECUTE FUNCTION accounts.refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER allocations_no_truncate BEFORE TRUNCATE ON accounts.allocations
  FOR EACH STATEMENT EXECUTE FUNCTION accounts.refuse_ledger_change();
