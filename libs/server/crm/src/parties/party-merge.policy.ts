import { DomainError } from '@nexo/platform';

/** Fields the surviving party takes from the merged one when it has none of its own. */
export const FILLABLE = [
  'legalName',
  'taxCountry',
  'taxId',
  'email',
  'phone',
  'website',
  'creditLimit',
  'paymentTermsDays',
  'customerGroup',
] as const;

type Fillable = (typeof FILLABLE)[number];
/** What a merge reads of each party. */
export type MergedParty = { id: string; name: string; status: string; tags: string[] } & {
  [F in Fillable]: unknown;
};

/** A party cannot be merged into itself (refused before either is read). */
export function assertDistinct(sourceId: string, intoId: string): void {
  if (sourceId === intoId)
    throw DomainError.validation([
      { path: 'intoId', code: 'same_party', message: 'A party cannot be merged into itself' },
    ]);
}

/** Nor can a party already merged be merged, or take another in. */
export function assertMergeable(source: MergedParty, target: MergedParty): void {
  assertDistinct(source.id, target.id);
  for (const p of [source, target]) {
    if (p.status === 'merged')
      throw DomainError.conflict(`"${p.name}" was already merged into another party`);
  }
}

/**
 * What the survivor takes from the merged party: each fillable field it lacks and the other
 * has, and the tags of both (its own first, none twice).
 */
export function absorbed<P extends MergedParty>(
  target: P,
  source: P,
): Partial<Pick<P, Fillable>> & { tags: string[] } {
  const fill = Object.fromEntries(
    FILLABLE.filter((f) => target[f] === null && source[f] !== null).map((f) => [f, source[f]]),
  ) as Partial<Pick<P, Fillable>>;
  return { ...fill, tags: [...new Set([...target.tags, ...source.tags])] };
}
