import { Injectable } from '@nestjs/common';
import type { SearchHit } from '@nexo/contracts';

/** One context's part of the global search (CRM: parties, contacts, opportunities; catalog: items). */
export interface SearchProvider {
  readonly kinds: readonly SearchHit['kind'][];
  /** Hits the current principal may read, best first; nothing when it may read none of the kind. */
  search(query: string, limit: number): Promise<SearchHit[]>;
}

/**
 * Where contexts register their search providers (in `onModuleInit`); the search route asks
 * each in turn (they share the request's one connection) and merges by score.
 */
@Injectable()
export class SearchRegistry {
  private readonly providers: SearchProvider[] = [];

  register(provider: SearchProvider): void {
    this.providers.push(provider);
  }

  async search(query: string, limit: number): Promise<SearchHit[]> {
    const hits: SearchHit[] = [];
    for (const provider of this.providers) hits.push(...(await provider.search(query, limit)));
    return hits.sort((a, b) => b.score - a.score).slice(0, limit * 2);
  }
}
