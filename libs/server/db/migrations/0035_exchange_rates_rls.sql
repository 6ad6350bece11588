-- Hand-written: row-level security and the app role's grants for the exchange rates (0034).
SELECT nexo.enable_tenant_rls('tenancy.exchange_rates');
