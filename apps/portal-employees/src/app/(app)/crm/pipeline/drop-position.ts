/** A card of a column as the browser laid it out: its id and vertical extent. */
export interface CardBox {
  id: string;
  top: number;
  height: number;
}

/**
 * The card a dropped card goes after (null: first in the column), from where the pointer
 * was released: after every card whose middle is above it. The dragged card itself does not
 * count, so dropping it where it is leaves it there.
 */
export function afterIdAt(
  cards: readonly CardBox[],
  draggedId: string,
  pointerY: number,
): string | null {
  let after: string | null = null;
  for (const card of cards) {
    if (card.id === draggedId) continue;
    if (pointerY <= card.top + card.height / 2) break;
    after = card.id;
  }
  return after;
}

/** The column's cards with `card` moved to just after `afterId` (first when null). */
export function placeAfter<T extends { id: string }>(
  cards: readonly T[],
  card: T,
  afterId: string | null,
): T[] {
  const rest = cards.filter((c) => c.id !== card.id);
  const at = afterId === null ? 0 : rest.findIndex((c) => c.id === afterId) + 1;
  // An `afterId` no longer in the column (moved by someone else): the end, as the API does.
  const index = afterId !== null && at === 0 ? rest.length : at;
  return [...rest.slice(0, index), card, ...rest.slice(index)];
}

/** The card just before `id` in the column (null when first or absent). */
export function predecessorOf(cards: readonly { id: string }[], id: string): string | null {
  const index = cards.findIndex((c) => c.id === id);
  return index > 0 ? (cards[index - 1]?.id ?? null) : null;
}
