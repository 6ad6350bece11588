import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { sql } from 'drizzle-orm';

export interface PeriodView {
  id: string;
  number: number;
  startDate: string;
  endDate: string;
  locked: boolean;
}

export interface FiscalYearView {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  periods: PeriodView[];
}

export interface PostingRuleView {
  id: string;
  purpose: string;
  matchKind: string;
  matchId: string | null;
  accountId: string;
  version: number;
}

const RULE_COLUMNS = sql`id, purpose, match_kind as "matchKind", match_id as "matchId",
  account_id as "accountId", version`;

/** Lock dates, fiscal years and periods, posting rules: in the request's transaction. */
@Injectable()
export class AccountingSettingsRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  private get tx() {
    return this.database.tx();
  }

  async locks(tenantId: string) {
    const { rows } = await this.tx.execute<{
      lockDate: string | null;
      staffLockDate: string | null;
      chartInstalled: boolean;
    }>(sql`
      select (select lock_date::text from accounts.settings where tenant_id = ${tenantId}) as "lockDate",
             (select staff_lock_date::text from accounts.settings where tenant_id = ${tenantId}) as "staffLockDate",
             exists (select 1 from accounts.accounts where tenant_id = ${tenantId}) as "chartInstalled"`);
    return rows[0] ?? { lockDate: null, staffLockDate: null, chartInstalled: false };
  }

  async setLocks(tenantId: string, lockDate: string | null, staffLockDate: string | null) {
    await this.tx.execute(sql`
      insert into accounts.settings as s (tenant_id, lock_date, staff_lock_date)
      values (${tenantId}, ${lockDate}, ${staffLockDate})
      on conflict (tenant_id) do update
        set lock_date = excluded.lock_date, staff_lock_date = excluded.staff_lock_date,
            updated_at = now(), version = s.version + 1`);
  }

  async fiscalYears(tenantId: string): Promise<FiscalYearView[]> {
    const { rows } = await this.tx.execute<FiscalYearView & Record<string, unknown>>(sql`
      select y.id, y.name, y.start_date::text as "startDate", y.end_date::text as "endDate",
             coalesce((select jsonb_agg(jsonb_build_object(
                        'id', p.id, 'number', p.number, 'startDate', p.start_date,
                        'endDate', p.end_date, 'locked', p.locked) order by p.number)
                         from accounts.periods p
                        where p.tenant_id = y.tenant_id and p.fiscal_year_id = y.id),
                      '[]'::jsonb) as periods
        from accounts.fiscal_years y where y.tenant_id = ${tenantId}
       order by y.start_date desc`);
    return rows;
  }

  async setPeriodLocked(tenantId: string, id: string, locked: boolean): Promise<PeriodView | null> {
    const { rows } = await this.tx.execute<PeriodView & Record<string, unknown>>(sql`
      update accounts.periods set locked = ${locked}, updated_at = now(), version = version + 1
       where tenant_id = ${tenantId} and id = ${id}
      returning id, number, start_date::text as "startDate", end_date::text as "endDate", locked`);
    return rows[0] ?? null;
  }

  async rules(tenantId: string): Promise<PostingRuleView[]> {
    const { rows } = await this.tx.execute<PostingRuleView & Record<string, unknown>>(sql`
      select ${RULE_COLUMNS} from accounts.posting_rules where tenant_id = ${tenantId}
       order by purpose, match_kind, match_id`);
    return rows;
  }

  /** Sets the account of the rule with this purpose and match, adding it if new. */
  async setRule(
    tenantId: string,
    rule: { purpose: string; matchKind: string; matchId: string | null; accountId: string },
  ): Promise<PostingRuleView> {
    const tx = this.tx;
    const { rows: updated } = await tx.execute<PostingRuleView & Record<string, unknown>>(sql`
      update accounts.posting_rules
         set account_id = ${rule.accountId}, updated_at = now(), version = version + 1
       where tenant_id = ${tenantId} and purpose = ${rule.purpose}
         and match_kind = ${rule.matchKind} and match_id is not distinct from ${rule.matchId}
      returning ${RULE_COLUMNS}`);
    if (updated[0]) return updated[0];
    const { rows } = await tx.execute<PostingRuleView & Record<string, unknown>>(sql`
      insert into accounts.posting_rules (tenant_id, id, purpose, match_kind, match_id, account_id)
      values (${tenantId}, gen_random_uuid(), ${rule.purpose}, ${rule.matchKind}, ${rule.matchId},
              ${rule.accountId})
      returning ${RULE_COLUMNS}`);
    if (!rows[0]) throw new Error('insert returned no row');
    return rows[0];
  }

  async deleteRule(tenantId: string, id: string): Promise<'deleted' | 'default' | 'missing'> {
    const { rows } = await this.tx.execute<{ match_kind: string }>(sql`
      select match_kind from accounts.posting_rules where tenant_id = ${tenantId} and id = ${id}`);
    if (!rows[0]) return 'missing';
    if (rows[0].match_kind === 'default') return 'default';
    await this.tx.execute(sql`
      delete from accounts.posting_rules where tenant_id = ${tenantId} and id = ${id}`);
    return 'deleted';
  }
}
