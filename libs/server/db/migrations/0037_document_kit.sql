-- Hand-written: the database half of the commercial-document kit (@nexo/documents, ADR 0017).
-- A document type's migration calls, after creating its tables and enabling RLS on them:
--   SELECT documents.install_guards('sales.invoices', 'sales.invoice_lines');
--   SELECT documents.track_derived('sales.invoice_lines', 'sales.order_lines');
-- so that an issued document and its lines never change whoever writes (the app role included),
-- and lines derived from another line never take more than it has, whatever the concurrency.
CREATE SCHEMA documents;
--> statement-breakpoint
COMMENT ON SCHEMA documents IS 'Trigger functions of the commercial-document kit.';
--> statement-breakpoint
-- Once issued_at is set, a header changes only in the columns its type named as mutable (its
-- state, and what the type adds: a sent time, a payment status), and is never deleted.
CREATE FUNCTION documents.guard_issued_header() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
DECLARE
  mutable text[] := ARRAY['state', 'version', 'updated_at'] || TG_ARGV;
BEGIN
  IF OLD.issued_at IS NULL THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND (pg_catalog.to_jsonb(OLD) OPERATOR(pg_catalog.-) mutable)
       = (pg_catalog.to_jsonb(NEW) OPERATOR(pg_catalog.-) mutable) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'document % is issued: it is corrected by another document, never changed', OLD.id
    USING ERRCODE = 'check_violation', CONSTRAINT = 'document_issued',
          SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
-- Lines of an issued document are neither added, changed nor removed; only done_quantity moves
-- (later documents taking from them, kept by track_derived).
CREATE FUNCTION documents.guard_issued_lines() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
DECLARE
  header constant regclass := TG_ARGV[0]::regclass;
  kept constant text[] := ARRAY['done_quantity', 'version', 'updated_at'];
  issued timestamptz;
BEGIN
  IF TG_OP = 'UPDATE' AND (pg_catalog.to_jsonb(OLD) OPERATOR(pg_catalog.-) kept)
       = (pg_catalog.to_jsonb(NEW) OPERATOR(pg_catalog.-) kept) THEN
    RETURN NEW;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE pg_catalog.format('SELECT issued_at FROM %s WHERE tenant_id = $1 AND id = $2', header)
      INTO issued USING OLD.tenant_id, OLD.document_id;
  END IF;
  IF issued IS NULL AND TG_OP IN ('UPDATE', 'INSERT') THEN
    EXECUTE pg_catalog.format('SELECT issued_at FROM %s WHERE tenant_id = $1 AND id = $2', header)
      INTO issued USING NEW.tenant_id, NEW.document_id;
  END IF;
  IF issued IS NULL THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the lines of an issued document never change'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'document_issued',
          SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
-- A derived line adds its quantity to its source line's done_quantity (and a removed one takes
-- it back). The UPDATE locks the source row, so two derivations of one line take turns, and the
-- source's CHECK (done_quantity <= quantity) refuses the one that would take too much.
CREATE FUNCTION documents.track_derived_quantity() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
DECLARE
  source constant regclass := TG_ARGV[0]::regclass;
  found_rows int;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.source_line_id IS NOT DISTINCT FROM NEW.source_line_id
     AND OLD.quantity = NEW.quantity THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.source_line_id IS NOT NULL THEN
    EXECUTE pg_catalog.format(
      'UPDATE %s SET done_quantity = done_quantity - $3 WHERE tenant_id = $1 AND id = $2', source)
      USING OLD.tenant_id, OLD.source_line_id, pg_catalog.abs(OLD.quantity);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.source_line_id IS NOT NULL THEN
    EXECUTE pg_catalog.format(
      'UPDATE %s SET done_quantity = done_quantity + $3 WHERE tenant_id = $1 AND id = $2', source)
      USING NEW.tenant_id, NEW.source_line_id, pg_catalog.abs(NEW.quantity);
    GET DIAGNOSTICS found_rows = ROW_COUNT;
    IF found_rows = 0 THEN
      RAISE EXCEPTION 'source line % does not exist', NEW.source_line_id
        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'document_source_line',
              SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Installs the guards on a document type's tables (run by its migration, as the owner role).
CREATE FUNCTION documents.install_guards(
  header regclass,
  lines regclass,
  mutable text[] DEFAULT '{}'
) RETURNS void
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
BEGIN
  EXECUTE pg_catalog.format(
    'CREATE TRIGGER document_issued_guard BEFORE UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION documents.guard_issued_header(%s)',
    header,
    coalesce((SELECT pg_catalog.string_agg(pg_catalog.quote_literal(m), ', ') FROM pg_catalog.unnest(mutable) AS m), ''));
  EXECUTE pg_catalog.format(
    'CREATE TRIGGER document_lines_issued_guard BEFORE INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION documents.guard_issued_lines(%L)',
    lines, header::text);
END
$$;
--> statement-breakpoint
CREATE FUNCTION documents.track_derived(lines regclass, source regclass) RETURNS void
  LANGUAGE plpgsql
  SET search_path = ''
AS $$
BEGIN
  EXECUTE pg_catalog.format(
    'CREATE TRIGGER document_derived_quantity AFTER INSERT OR UPDATE OF quantity, source_line_id OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION documents.track_derived_quantity(%L)',
    lines, source::text);
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION documents.install_guards(regclass, regclass, text[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION documents.track_derived(regclass, regclass) FROM PUBLIC;
