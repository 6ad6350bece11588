import { DomainError } from '@nexo/platform';

/*
 * A lead's life: `new`, `contacted`, `qualified` or `lost` as its owner says, until it is
 * converted once; a converted lead is history: it changes no more and converts no more (its
 * party and opportunity carry on).
 */

/** A change to the lead, refused once it was converted. */
export function assertChangeable(lead: { status: string }): void {
  if (lead.status === 'converted') throw DomainError.conflict('A converted lead cannot change');
}

/** A conversion, refused the second time. */
export function assertConvertible(lead: { status: string }): void {
  if (lead.status === 'converted') throw DomainError.conflict('This lead was already converted');
}

/** The party a conversion creates when none is given: the lead's company, else the lead. */
export const partyOfLead = (lead: { name: string; companyName: string | null }) => ({
  kind: 'organization' as const,
  name: lead.companyName ?? lead.name,
});
