import type { Bilingual } from '../context/context-contract.js';

/** What the portals say about accounts, in Spanish and English side by side. */
export const ACCOUNTS_MESSAGES = {
  'accounts.title': { es: 'Accounts', en: 'Accounts' },
} satisfies Record<string, Bilingual>;
