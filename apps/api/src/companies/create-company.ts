import type { INestApplicationContext } from '@nestjs/common';
import { BooksInstaller } from '@nexo/accounts';
import { CountryPackInstaller } from '@nexo/catalog';
import { countryPack } from '@nexo/commerce';
import { TenantService, type CreateTenantInput } from '@nexo/tenancy';

/**
 * Creates a company and applies its country's pack (@nexo/commerce): the currency, language
 * and time zone it starts with unless given, and its taxes in catalog's tax table; then opens
 * its books (@nexo/accounts): the chart of its country's template, the default posting
 * rules, the journals and this year's fiscal periods. Run inside the transaction opened for
 * the new company (`Database.withContext({ tenantId: id })`), so the company, its taxes and
 * its books are there together or not at all.
 *
 * Here, in the app, because tenancy may not write catalog's or accounts' tables
 * (eslint.config.mjs `contextArrows`: tenancy uses no context) and an outbox event would
 * leave the company without taxes or books until a worker ran, and the CLI and the seed
 * have no worker.
 */
export async function createCompany(
  app: INestApplicationContext,
  id: string,
  input: CreateTenantInput,
): ReturnType<TenantService['create']> {
  const pack = countryPack(input.country ?? 'AR');
  const tenant = await app.get(TenantService).create(id, {
    currency: pack.currency,
    locale: pack.language,
    timezone: pack.timezone,
    ...input,
  });
  const language = tenant.locale === 'en' ? 'en' : 'es';
  await app.get(CountryPackInstaller).install(tenant.id, countryPack(tenant.country), language);
  await app.get(BooksInstaller).install(tenant.id, tenant.country, language);
  return tenant;
}
