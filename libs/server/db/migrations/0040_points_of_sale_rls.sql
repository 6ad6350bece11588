-- Hand-written: row-level security and the app role's grants for the points of sale (0039).
SELECT nexo.enable_tenant_rls('tenancy.points_of_sale');
