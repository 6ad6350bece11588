/**
 * The account's rules as pure functions: no database, no clock, unit-tested. A name is
 * stored as people mean it: trimmed, inner runs of spaces as one.
 */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}
