-- Hand-written: the per-request principal re-check as functions. PL/pgSQL keeps each
-- function's query plan for the life of the connection, so the check that runs at the start
-- of every request is planned once per pooled connection, not once per request (ADR 0003).
-- SECURITY INVOKER (the default): they run as the app role, under its grants and RLS.
CREATE FUNCTION auth.check_member(
  p_user uuid, p_membership uuid, p_session uuid, p_party uuid, p_issued_at bigint
) RETURNS TABLE (ok boolean, roles text[], teams uuid[])
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT (u.status = 'active' AND m.status = 'active'
      AND floor(extract(epoch FROM u.valid_after)) <= p_issued_at
      AND floor(extract(epoch FROM m.valid_after)) <= p_issued_at
      AND m.party_id IS NOT DISTINCT FROM p_party
      AND (p_session IS NULL
        OR coalesce(s.revoked_at IS NULL AND s.expires_at > clock_timestamp(), false))),
    m.roles, m.teams
  FROM auth.users u
  JOIN auth.memberships m ON m.user_id = u.id AND m.id = p_membership
  LEFT JOIN auth.sessions s ON s.id = p_session
  WHERE u.id = p_user;
END $$;
--> statement-breakpoint
CREATE FUNCTION auth.check_api_client(p_tenant uuid, p_client uuid, p_issued_at bigint)
RETURNS TABLE (ok boolean, roles text[])
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT (c.status = 'active' AND floor(extract(epoch FROM c.valid_after)) <= p_issued_at),
    c.roles
  FROM auth.api_clients c
  WHERE c.tenant_id = p_tenant AND c.id = p_client;
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION auth.check_member(uuid, uuid, uuid, uuid, bigint) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION auth.check_api_client(uuid, uuid, bigint) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth.check_member(uuid, uuid, uuid, uuid, bigint) TO nexo_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth.check_api_client(uuid, uuid, bigint) TO nexo_app;
