import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { newId } from '@nexo/utils';
import { sql } from 'drizzle-orm';
import type { ChartTemplate } from '../charts/chart-template.js';
import { chartFor } from '../charts/chart-templates.js';
import { fiscalYearPeriods } from './fiscal-calendar.js';

/** The journals every company starts with, by kind; codes prefix their entries' numbers. */
const JOURNALS = [
  { code: 'VEN', kind: 'sales', name: { es: 'Ventas', en: 'Sales' } },
  { code: 'COM', kind: 'purchases', name: { es: 'Compras', en: 'Purchases' } },
  { code: 'CAJ', kind: 'cash', name: { es: 'Caja', en: 'Cash' } },
  { code: 'BAN', kind: 'bank', name: { es: 'Bancos', en: 'Bank' } },
  { code: 'GEN', kind: 'general', name: { es: 'Diario general', en: 'General journal' } },
] as const;

export interface BooksInstallResult {
  accounts: number;
  rules: number;
  journals: number;
}

/**
 * Opens a company's books: the chart of its country's template, the default posting rules,
 * the five journals, its accounting settings and the current fiscal year in twelve monthly
 * periods. Called by whoever creates the company (the CLI, the demo seed) in that
 * transaction; what the company has already is left alone, so installing twice adds nothing.
 */
@Injectable()
export class BooksInstaller {
  constructor(@Inject(Database) private readonly database: Database) {}

  async install(
    tenantId: string,
    country: string | null,
    language: 'es' | 'en',
    year = new Date().getUTCFullYear(),
  ): Promise<BooksInstallResult> {
    const chart = chartFor(country);
    const tx = this.database.tx();
    const accounts = await this.installChart(tenantId, chart);
    const { rows: rules } = await tx.execute(sql`
      insert into accounts.posting_rules (tenant_id, id, purpose, match_kind, account_id)
      select ${tenantId}, gen_random_uuid(), d.key, 'default', a.id
        from jsonb_each_text(${JSON.stringify(chart.defaults)}::jsonb) d
        join accounts.accounts a on a.tenant_id = ${tenantId} and a.code = d.value
      on conflict do nothing
      returning id`);
    const { rows: journals } = await tx.execute(sql`
      insert into accounts.journals (tenant_id, id, code, name, kind)
      select ${tenantId}, gen_random_uuid(), j.code, j.name, j.kind
        from jsonb_to_recordset(${JSON.stringify(
          JOURNALS.map((j) => ({ code: j.code, kind: j.kind, name: j.name[language] })),
        )}::jsonb) as j(code text, name text, kind text)
      on conflict do nothing
      returning id`);
    await tx.execute(sql`
      insert into accounts.settings (tenant_id) values (${tenantId}) on conflict do nothing`);
    await this.openYear(tenantId, year);
    return { accounts, rules: rules.length, journals: journals.length };
  }

  /** A fiscal year (calendar) with its twelve months, unless one starts that day already. */
  async openYear(tenantId: string, year: number): Promise<void> {
    const periods = fiscalYearPeriods(year);
    const first = periods[0];
    const last = periods[periods.length - 1];
    if (!first || !last) return;
    const id = newId();
    const tx = this.database.tx();
    const { rows } = await tx.execute(sql`
      insert into accounts.fiscal_years (tenant_id, id, name, start_date, end_date)
      values (${tenantId}, ${id}, ${String(year)}, ${first.start}, ${last.end})
      on conflict do nothing returning id`);
    if (!rows.length) return;
    await tx.execute(sql`
      insert into accounts.periods (tenant_id, id, fiscal_year_id, number, start_date, end_date)
      select ${tenantId}, gen_random_uuid(), ${id}, p.number, p.start_date, p.end_date
        from jsonb_to_recordset(${JSON.stringify(
          periods.map((p, i) => ({ number: i + 1, start_date: p.start, end_date: p.end })),
        )}::jsonb) as p(number int, start_date date, end_date date)`);
  }

  /** Parents before children (the template lists them so), each linked by its code. */
  private async installChart(tenantId: string, chart: ChartTemplate): Promise<number> {
    const { rows } = await this.database.tx().execute(sql`
      with t as (
        select * from jsonb_to_recordset(${JSON.stringify(
          chart.accounts.map((a, position) => ({
            code: a.code,
            name: a.name,
            type: a.type,
            parent: a.parent ?? null,
            heading: a.heading ?? false,
            position,
          })),
        )}::jsonb) as t(code text, name text, type text, parent text, heading boolean,
                        position int)),
      inserted as (
        insert into accounts.accounts (tenant_id, id, code, name, type, heading)
        select ${tenantId}, gen_random_uuid(), t.code, t.name, t.type, t.heading
          from t order by t.position
        on conflict do nothing
        returning id, code)
      select count(*)::int as n from inserted`);
    await this.database.tx().execute(sql`
      update accounts.accounts child set parent_id = parent.id
        from jsonb_to_recordset(${JSON.stringify(
          chart.accounts.filter((a) => a.parent).map((a) => ({ code: a.code, parent: a.parent })),
        )}::jsonb) as t(code text, parent text),
             accounts.accounts parent
       where child.tenant_id = ${tenantId} and child.code = t.code and child.parent_id is null
         and parent.tenant_id = ${tenantId} and parent.code = t.parent`);
    return Number((rows[0] as { n: number } | undefined)?.n ?? 0);
  }
}
