import { Inject, Injectable } from '@nestjs/common';
import { taxShapeProblems, type CountryPack } from '@nexo/commerce';
import { Database } from '@nexo/db';
import { newId } from '@nexo/utils';
import { taxRates } from '../db/catalog.tables.js';

/**
 * Installs a country pack's taxes (@nexo/commerce) in a company's tax table: what a new
 * company starts with. Called by whoever creates the company (the app layer: the CLI, the
 * demo seed), in the same transaction, for the company that transaction is for. A tax whose
 * code the company already has is left as it is, so installing twice changes nothing.
 */
@Injectable()
export class CountryPackInstaller {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** The codes of the taxes it added, in the pack's order. */
  async install(tenantId: string, pack: CountryPack, language: 'es' | 'en'): Promise<string[]> {
    for (const tax of pack.taxes) {
      const problems = taxShapeProblems(tax);
      if (problems.length)
        throw new Error(`Pack ${pack.country}, tax ${tax.code}: ${JSON.stringify(problems)}`);
    }
    if (!pack.taxes.length) return [];
    const rows = await this.database
      .tx()
      .insert(taxRates)
      .values(
        pack.taxes.map((tax) => ({
          tenantId,
          id: newId(),
          code: tax.code,
          name: tax.name[language],
          kind: tax.kind,
          computation: tax.computation,
          rate: tax.rate,
          amount: tax.amount ?? null,
          includedInPrice: tax.includedInPrice ?? false,
          country: pack.country === '*' ? null : pack.country,
          threshold: tax.threshold ?? null,
          minimumTax: tax.minimumTax ?? null,
          active: !tax.inactive,
        })),
      )
      .onConflictDoNothing({ target: [taxRates.tenantId, taxRates.code] })
      .returning({ code: taxRates.code });
    const added = new Set(rows.map((r) => r.code));
    return pack.taxes.map((t) => t.code).filter((code) => added.has(code));
  }
}
