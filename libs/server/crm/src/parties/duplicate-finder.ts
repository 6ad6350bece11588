import { Inject, Injectable } from '@nestjs/common';
import { PermissionService, columnsOf } from '@nexo/permissions';
import { currentPrincipal } from '@nexo/platform';
import { parties } from '../db/crm.tables.js';
import { PartyRepository, type DuplicateProbe } from './party.repository.js';

export interface DuplicateCandidate {
  id: string;
  name: string;
  reason: 'tax_id' | 'email' | 'similar_name';
  similarity: number;
}

/**
 * Parties that may be the one being entered: same tax id, same email, or a similar name
 * (trigram similarity; the query is `PartyRepository.duplicateCandidates`). Only parties the
 * caller may read.
 */
@Injectable()
export class DuplicateFinder {
  constructor(
    @Inject(PartyRepository) private readonly parties: PartyRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
  ) {}

  async find(probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
    if (!probe.name && !probe.taxId && !probe.email) return [];
    const rows = await this.parties.duplicateCandidates(
      currentPrincipal().tenantId,
      probe,
      await this.permissions.where('read', 'crm.party', columnsOf(parties)),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      reason:
        probe.taxId && r.taxId === probe.taxId
          ? 'tax_id'
          : probe.email && r.email?.toLowerCase() === probe.email.toLowerCase()
            ? 'email'
            : 'similar_name',
      similarity: Math.round(Number(r.similarity) * 100) / 100,
    }));
  }
}
