-- Hand-written: the principal re-check without its cost on every request (ADR 0003).
-- `auth.principal_epoch` is one counter, raised in the committing transaction of every change
-- that can alter a principal check's answer (user or membership status, "valid after",
-- roles, teams, party; a session's revocation or expiry; an API client's status or roles).
-- The API keeps each principal's last positive answer with the epoch it was read at, and
-- its opening query runs the check only when the epoch (read in the same statement, so in
-- the same snapshot) has moved or the session's expiry has passed: as exact as checking
-- every time, for the price of reading one row. Not in the Drizzle schema: nothing maps it.
CREATE TABLE auth.principal_epoch (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  n bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO auth.principal_epoch (one, n) VALUES (true, 1);
--> statement-breakpoint
GRANT SELECT ON auth.principal_epoch TO nexo_app;
--> statement-breakpoint
-- Runs as the owner: the app role may read the counter, never set it.
CREATE FUNCTION auth.bump_principal_epoch() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  UPDATE auth.principal_epoch SET n = n + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION auth.bump_principal_epoch() FROM PUBLIC;
--> statement-breakpoint
-- Deferred to COMMIT: the counter's row lock is taken last and held for the least time, so
-- two transactions changing principals never wait on each other in opposite orders.
CREATE CONSTRAINT TRIGGER users_principal_epoch_update AFTER UPDATE ON auth.users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.valid_after IS DISTINCT FROM NEW.valid_after
    OR OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER memberships_principal_epoch_update AFTER UPDATE ON auth.memberships
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.valid_after IS DISTINCT FROM NEW.valid_after
    OR OLD.roles IS DISTINCT FROM NEW.roles OR OLD.teams IS DISTINCT FROM NEW.teams
    OR OLD.party_id IS DISTINCT FROM NEW.party_id OR OLD.user_id IS DISTINCT FROM NEW.user_id
    OR OLD.id IS DISTINCT FROM NEW.id OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id)
  EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER sessions_principal_epoch_update AFTER UPDATE ON auth.sessions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
    OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER api_clients_principal_epoch_update AFTER UPDATE ON auth.api_clients
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.valid_after IS DISTINCT FROM NEW.valid_after
    OR OLD.roles IS DISTINCT FROM NEW.roles OR OLD.id IS DISTINCT FROM NEW.id
    OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id)
  EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER users_principal_epoch_delete AFTER DELETE ON auth.users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER memberships_principal_epoch_delete AFTER DELETE ON auth.memberships
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER sessions_principal_epoch_delete AFTER DELETE ON auth.sessions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER api_clients_principal_epoch_delete AFTER DELETE ON auth.api_clients
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
CREATE TRIGGER users_principal_epoch_truncate AFTER TRUNCATE ON auth.users
  FOR EACH STATEMENT EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
CREATE TRIGGER memberships_principal_epoch_truncate AFTER TRUNCATE ON auth.memberships
  FOR EACH STATEMENT EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
CREATE TRIGGER sessions_principal_epoch_truncate AFTER TRUNCATE ON auth.sessions
  FOR EACH STATEMENT EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
CREATE TRIGGER api_clients_principal_epoch_truncate AFTER TRUNCATE ON auth.api_clients
  FOR EACH STATEMENT EXECUTE FUNCTION auth.bump_principal_epoch();
--> statement-breakpoint
-- The member check of 0023 plus until when its answer holds (the session's expiry), so a
-- kept answer is re-checked once the session has expired. 0023's function stays for the
-- release before this one (expand/contract).
CREATE FUNCTION auth.check_member_until(
  p_user uuid, p_membership uuid, p_session uuid, p_party uuid, p_issued_at bigint
) RETURNS TABLE (ok boolean, roles text[], teams uuid[], valid_until timestamptz)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT (u.status = 'active' AND m.status = 'active'
      AND floor(extract(epoch FROM u.valid_after)) <= p_issued_at
      AND floor(extract(epoch FROM m.valid_after)) <= p_issued_at
      AND m.party_id IS NOT DISTINCT FROM p_party
      AND (p_session IS NULL
        OR coalesce(s.revoked_at IS NULL AND s.expires_at > clock_timestamp(), false))),
    m.roles, m.teams, s.expires_at
  FROM auth.users u
  JOIN auth.memberships m ON m.user_id = u.id AND m.id = p_membership
  LEFT JOIN auth.sessions s ON s.id = p_session
  WHERE u.id = p_user;
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION auth.check_member_until(uuid, uuid, uuid, uuid, bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth.check_member_until(uuid, uuid, uuid, uuid, bigint) TO nexo_app;
