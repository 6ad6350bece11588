import { CONTEXTS, type ContextNavEntry } from '@nexo/contracts';
import type { MessageKey } from '@nexo/i18n';

export interface NavEntry {
  href: string;
  label: MessageKey;
  /** Shown only to people who may do this. */
  can: readonly [action: string, subject: string];
  icon: string;
}
export interface NavGroup {
  label: MessageKey;
  entries: NavEntry[];
}

/**
 * The navigation, from the contexts' contracts: each context adds its entries to a group
 * (its own, or the admin's), groups in the order their first context comes, entries by
 * their `order` within a group.
 */
export const NAV: NavGroup[] = (() => {
  const groups = new Map<string, (ContextNavEntry & { at: number })[]>();
  CONTEXTS.forEach((context, at) => {
    if (!context.nav) return;
    const entries = groups.get(context.nav.group) ?? [];
    entries.push(...context.nav.entries.map((entry) => ({ ...entry, at })));
    groups.set(context.nav.group, entries);
  });
  // The admin group closes the menu, whichever context opened it.
  const ordered = [...groups].sort(
    ([a], [b]) => Number(a === 'nav.admin') - Number(b === 'nav.admin'),
  );
  return ordered.map(([label, entries]) => ({
    label: label as MessageKey,
    entries: entries
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.at - b.at)
      .map(({ href, label: entryLabel, can, icon }) => ({
        href,
        label: entryLabel as MessageKey,
        can,
        icon,
      })),
  }));
})();
