-- The account a tax posts to is a posting rule of the accounts context (purpose tax_output or
-- tax_input, matched by tax rate): one place says it, so the column is dropped unused.
ALTER TABLE "catalog"."tax_rates" DROP COLUMN "account_id";