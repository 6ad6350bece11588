import { Inject, Injectable } from '@nestjs/common';
import type { PostingPurpose } from '@nexo/contracts/accounts';
import { Database } from '@nexo/db';
import { sql } from 'drizzle-orm';
import type { PostingMatchRef } from '../ledger/ledger.types.js';

export interface AccountRequest {
  purpose: PostingPurpose;
  match?: PostingMatchRef;
}

const keyOf = (r: AccountRequest) => `${r.purpose}|${r.match?.kind ?? ''}|${r.match?.id ?? ''}`;

/**
 * Answers "which account for this purpose" from the company's posting rules: the rule for
 * the given tax rate, item category or warehouse when there is one, else the purpose's
 * default. One statement for any number of requests.
 */
@Injectable()
export class PostingRulesResolver {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** Account id per request key; a request with no rule has no key in the map. */
  async resolve(
    tenantId: string,
    requests: readonly AccountRequest[],
  ): Promise<Map<string, string>> {
    const unique = [...new Map(requests.map((r) => [keyOf(r), r])).values()];
    if (!unique.length) return new Map();
    const { rows } = await this.database.tx().execute<{ key: string; account_id: string }>(sql`
      select distinct on (q.key) q.key, r.account_id
        from jsonb_to_recordset(${JSON.stringify(
          unique.map((r) => ({
            key: keyOf(r),
            purpose: r.purpose,
            kind: r.match?.kind ?? null,
            id: r.match?.id ?? null,
          })),
        )}::jsonb) as q(key text, purpose text, kind text, id uuid)
        join accounts.posting_rules r
          on r.tenant_id = ${tenantId} and r.purpose = q.purpose
         and (r.match_kind = 'default' or (r.match_kind = q.kind and r.match_id = q.id))
       order by q.key, (r.match_kind = 'default')`);
    return new Map(rows.map((r) => [r.key, r.account_id]));
  }

  static keyOf = keyOf;
}
