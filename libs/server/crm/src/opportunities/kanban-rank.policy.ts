/** Spacing between cards placed at an end of a column: room for many moves between them. */
export const RANK_STEP = 1024;
/** Ranks longer than this (many bisections in one spot) trigger renumbering the column. */
export const MAX_RANK_LENGTH = 24;

/**
 * The rank of a card placed between two neighbours (either may be missing). Ranks are
 * PostgreSQL `numeric` strings: exact decimals, so a midpoint never collides or rounds.
 */
export function rankBetween(before: string | null, after: string | null): string {
  if (before === null && after === null) return String(RANK_STEP);
  if (before === null) return trim(Number(after) - RANK_STEP, after);
  if (after === null) return trim(Number(before) + RANK_STEP, before);
  return midpoint(before, after);
}

function trim(n: number, reference: string | null): string {
  return Number.isSafeInteger(n) && !reference?.includes('.') ? String(n) : n.toFixed(6);
}

/** Exact midpoint of two decimal strings: (a + b) / 2 with one more decimal, in BigInt. */
export function midpoint(a: string, b: string): string {
  const scale = Math.max(decimals(a), decimals(b));
  return fromScaled((toScaled(a, scale) + toScaled(b, scale)) * 5n, scale + 1);
}

/** Compares two ranks exactly (negative, zero, positive). */
export function compareRanks(a: string, b: string): number {
  const scale = Math.max(decimals(a), decimals(b));
  const diff = toScaled(a, scale) - toScaled(b, scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

const decimals = (s: string): number => (s.split('.')[1] ?? '').length;

function toScaled(s: string, scale: number): bigint {
  const negative = s.startsWith('-');
  const [int = '0', frac = ''] = s.replace('-', '').split('.');
  const value = BigInt(int + frac.padEnd(scale, '0'));
  return negative ? -value : value;
}

function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const int = abs.slice(0, abs.length - scale);
  const frac = abs.slice(abs.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}
