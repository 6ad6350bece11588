-- Hand-written: trigram indexes back text search (`q`, duplicate detection, global search).
-- pg_trgm is a trusted extension; the migrator creates it once per database.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- btree_gin lets one GIN index lead with tenant_id, so a search scans one tenant's entries.
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
-- btree_gin lets one GIN index lead with tenant_id, so a search scans one tenant's entries.
CREATE EXTENSION IF NOT EXISTS btree_gin;
