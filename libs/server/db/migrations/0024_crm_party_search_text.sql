-- Hand-written: the parties list's search column (ADR 0013). Row-level security keeps the
-- app role's LIKE/ILIKE conditions out of index scans (they are not leakproof), so a search
-- reads the tenant's rows one by one; one LIKE on a stored lower-cased text is several
-- times cheaper per row than an ILIKE per field. Fields are separated by a newline, which a
-- search term (trimmed, one line) cannot contain, so no match spans two fields. Not in the
-- Drizzle schema: records, audit entries and events never carry it.
ALTER TABLE crm.parties ADD COLUMN search_text text GENERATED ALWAYS AS (
  lower(name || E'\n' || coalesce(legal_name, '') || E'\n' || coalesce(tax_id, '') || E'\n' || coalesce(email, ''))
) STORED;
