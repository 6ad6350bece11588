import type { OnModuleInit } from '@nestjs/common';
import type { SearchHit } from '@nexo/contracts';
import type { SearchProvider, SearchRegistry } from './search.registry.js';

/** `%query%` for ILIKE, the query's own `%`, `_` and `\` taken literally. */
export const containing = (query: string): string =>
  `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A substring match scores at least this, so a short query still ranks what contains it. */
export const SUBSTRING_SCORE = 0.3;

/**
 * Rows of one kind as search hits, best first as the query sorted them: the score is the
 * row's similarity (a string or number from SQL), never below `SUBSTRING_SCORE`.
 */
export function searchHits<R extends { score: number | string }>(
  kind: SearchHit['kind'],
  rows: readonly R[],
  hit: (row: R) => Omit<SearchHit, 'kind' | 'score'>,
): SearchHit[] {
  return rows.map((row) => ({
    kind,
    ...hit(row),
    score: Math.max(Number(row.score), SUBSTRING_SCORE),
  }));
}

/**
 * A context's part of the global search: it registers itself with the `SearchRegistry` when
 * its module starts, and answers `search` with `searchHits` of the rows its reader may read
 * (tenant first, then the reader's `read` rules on each kind's table).
 */
export abstract class RegisteredSearchProvider implements SearchProvider, OnModuleInit {
  abstract readonly kinds: readonly SearchHit['kind'][];

  protected constructor(private readonly registry: SearchRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  abstract search(query: string, limit: number): Promise<SearchHit[]>;
}
