import { Inject, Injectable } from '@nestjs/common';
import type { TaxDefinition, TaxComputation, TaxKind } from '@nexo/commerce';
import { Database } from '@nexo/db';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { decimal } from '@nexo/utils';
import { and, eq, inArray } from 'drizzle-orm';
import { taxRates } from '../db/catalog.tables.js';

/**
 * The company's taxes as documents compute with them (`TaxDefinition` of @nexo/commerce):
 * the public service sales and purchasing call to turn the tax ids of a line into what the
 * tax engine reads. An id that names no active tax of the company is a 422 on `path`.
 */
@Injectable()
export class TaxDefinitions {
  constructor(@Inject(Database) private readonly database: Database) {}

  /**
   * `exchangeRate` (1 of the document's currency in the company's) converts the fixed
   * amounts, thresholds and minimums, kept in the company's currency, into the document's.
   */
  async forIds(
    ids: readonly string[],
    path = 'taxIds',
    exchangeRate = '1',
  ): Promise<TaxDefinition[]> {
    const [taxes] = await this.resolve([{ ids, path }], exchangeRate);
    return taxes ?? [];
  }

  /**
   * The taxes of every line of a document (`lines[i].taxIds`), in one query however many
   * lines it has; an unknown id is a 422 on `lines.<i>.taxIds.<j>`.
   */
  forLines(
    lines: readonly { taxIds: readonly string[] }[],
    exchangeRate = '1',
  ): Promise<TaxDefinition[][]> {
    return this.resolve(
      lines.map((l, i) => ({ ids: l.taxIds, path: `lines.${i}.taxIds` })),
      exchangeRate,
    );
  }

  private async resolve(
    groups: readonly { ids: readonly string[]; path: string }[],
    exchangeRate: string,
  ): Promise<TaxDefinition[][]> {
    const unique = [...new Set(groups.flatMap((g) => g.ids))];
    if (unique.length === 0) return groups.map(() => []);
    const rows = await this.database
      .tx()
      .select()
      .from(taxRates)
      .where(
        and(
          eq(taxRates.tenantId, currentPrincipal().tenantId),
          inArray(taxRates.id, unique),
          eq(taxRates.active, true),
        ),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const issues = groups.flatMap((g) =>
      g.ids.flatMap((id, j) =>
        byId.has(id)
          ? []
          : [{ path: `${g.path}.${j}`, code: 'not_found', message: 'No active tax with this id' }],
      ),
    );
    if (issues.length > 0) throw DomainError.unknownReference(issues);
    const rate = decimal(exchangeRate);
    const inDocument = (value: string | null) =>
      value === null || rate.equals(1) ? value : decimal(value).dividedBy(rate).toFixed();
    return groups.map((g) =>
      g.ids.map((id) => {
        const r = byId.get(id) as (typeof rows)[number];
        return {
          id: r.id,
          code: r.code,
          name: r.name,
          kind: r.kind as TaxKind,
          computation: r.computation as TaxComputation,
          rate: r.rate,
          amount: inDocument(r.amount),
          includedInPrice: r.includedInPrice,
          threshold: inDocument(r.threshold),
          minimumTax: inDocument(r.minimumTax),
        };
      }),
    );
  }
}
