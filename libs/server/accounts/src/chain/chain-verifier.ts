import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { sql } from 'drizzle-orm';

/** Where the chain breaks, and why. */
export interface ChainBreak {
  seq: number;
  entryId: string | null;
  number: string | null;
  /** `content`: the entry or its lines changed; `link`: a previous entry is missing or
   *  changed; `sequence`: a place in the chain is missing; `head`: the head row disagrees. */
  reason: 'content' | 'link' | 'sequence' | 'head';
}

export interface ChainReport {
  entries: number;
  valid: boolean;
  firstBreak: ChainBreak | null;
  headHash: string | null;
}

/**
 * Recomputes each posted entry's hash from its rows as they are now and its predecessor's
 * hash, in one pass (a window over the chain), and reports the first place it breaks: a
 * superuser who edits a posted line, deletes an entry or rewrites a hash leaves a trace here.
 */
@Injectable()
export class ChainVerifier {
  constructor(@Inject(Database) private readonly database: Database) {}

  async verify(tenantId: string): Promise<ChainReport> {
    const tx = this.database.tx();
    const { rows } = await tx.execute<{
      seq: string;
      id: string;
      number: string | null;
      reason: ChainBreak['reason'];
    }>(sql`
      with chain as (
        select e.chain_seq, e.id, e.number, e.hash, e.prev_hash,
               accounts.entry_hash(e.prev_hash, e) as recomputed,
               coalesce(lag(e.hash) over w, '') as previous,
               row_number() over w as place
          from accounts.entries e
         where e.tenant_id = ${tenantId} and e.chain_seq is not null
        window w as (order by e.chain_seq))
      select chain_seq::text as seq, id, number,
             case when chain_seq <> place then 'sequence'
                  when prev_hash <> previous then 'link'
                  else 'content' end as reason
        from chain
       where chain_seq <> place or prev_hash <> previous or hash <> recomputed
       order by chain.chain_seq limit 1`);
    const { rows: totals } = await tx.execute<{
      entries: number;
      last_seq: string | null;
      last_hash: string | null;
      head_seq: string | null;
      head_hash: string | null;
      unchained: number;
    }>(sql`
      select (select count(*)::int from accounts.entries
               where tenant_id = ${tenantId} and chain_seq is not null) as entries,
             (select count(*)::int from accounts.entries
               where tenant_id = ${tenantId} and state = 'posted' and chain_seq is null) as unchained,
             (select max(e.chain_seq)::text from accounts.entries e
               where e.tenant_id = ${tenantId}) as last_seq,
             (select e.hash from accounts.entries e where e.tenant_id = ${tenantId}
               and e.chain_seq is not null order by e.chain_seq desc limit 1) as last_hash,
             (select seq::text from accounts.chain_heads where tenant_id = ${tenantId}) as head_seq,
             (select hash from accounts.chain_heads where tenant_id = ${tenantId}) as head_hash`);
    const total = totals[0];
    const found = rows[0];
    let firstBreak: ChainBreak | null = found
      ? { seq: Number(found.seq), entryId: found.id, number: found.number, reason: found.reason }
      : null;
    if (!firstBreak && total) {
      const headAgrees =
        (total.head_seq ?? '0') === (total.last_seq ?? '0') &&
        (total.head_hash ?? '') === (total.last_hash ?? '');
      if (!headAgrees || total.unchained > 0)
        firstBreak = {
          seq: Number(total.last_seq ?? 0) + 1,
          entryId: null,
          number: null,
          reason: total.unchained > 0 ? 'sequence' : 'head',
        };
    }
    return {
      entries: total?.entries ?? 0,
      valid: firstBreak === null,
      firstBreak,
      headHash: total?.head_hash ?? null,
    };
  }
}
