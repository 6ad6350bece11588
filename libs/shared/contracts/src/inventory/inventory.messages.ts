import type { Bilingual } from '../context/context-contract.js';

/** What the portals say about inventory, in Spanish and English side by side. */
export const INVENTORY_MESSAGES = {
  'nav.inventory': { es: 'Stock', en: 'Stock' },
  'nav.stock': { es: 'Stock', en: 'Stock' },
  'inventory.title': { es: 'Stock', en: 'Stock' },
} satisfies Record<string, Bilingual>;
