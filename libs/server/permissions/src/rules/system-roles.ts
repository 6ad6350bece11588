import type { Rule } from '@nexo/contracts';

/**
 * Roles every tenant has, defined in code so that an upgrade can improve them for everyone.
 * Business contexts add their rules here as they arrive (CRM, catalog, sales, …). A tenant
 * cannot edit these, only define its own roles next to them.
 */
const read = (subject: string | string[], extra: Partial<Rule> = {}): Rule => ({
  action: 'read',
  subject,
  ...extra,
});

const EVERY_EMPLOYEE: Rule[] = [
  read(['tenancy.tenant', 'customization.field', 'crm.pipeline', 'crm.team']),
  // The background jobs they started themselves (an import's progress and outcome).
  read('jobs.run', { conditions: { created_by: '$user' } }),
];

/** Own or team: the salesperson's records, and their team's. */
const OWN = { owner_id: '$user' };
const TEAM = { team_id: { $in: '$teams' } };
const ownOrTeam = (action: string | string[], subject: string): Rule[] => [
  { action, subject, conditions: OWN },
  { action, subject, conditions: TEAM },
];

/** A portal principal's own party, and only the fields a customer or supplier should see. */
const OWN_PARTY: Rule[] = [
  read('crm.party', {
    conditions: { id: '$party' },
    fields: [
      'id',
      'kind',
      'name',
      'legal_name',
      'tax_country',
      'tax_id',
      'email',
      'phone',
      'website',
    ],
  }),
  read(['crm.contact', 'crm.address'], { conditions: { party_id: '$party' } }),
];

const SALES: Rule[] = [
  ...EVERY_EMPLOYEE,
  // Customers are the company's, not one seller's: everyone in sales reads them.
  read(['crm.party', 'crm.contact', 'crm.address']),
  { action: ['create', 'export'], subject: 'crm.party' },
  ...ownOrTeam('update', 'crm.party'),
  { action: ['create', 'update', 'delete'], subject: ['crm.contact', 'crm.address'] },
  { action: 'create', subject: ['crm.lead', 'crm.opportunity', 'crm.activity'] },
  ...ownOrTeam(['read', 'update', 'convert'], 'crm.lead'),
  ...ownOrTeam(['read', 'update'], 'crm.opportunity'),
  read('crm.activity'),
  { action: 'update', subject: 'crm.activity', conditions: { assignee_id: '$user' } },
  { action: 'update', subject: 'crm.activity', conditions: { created_by: '$user' } },
];

/**
 * Catalog (ADR 0011). Units, taxes and categories are read by everyone who reads items. Field
 * rules hide prices: `cost` and `margin` (list price less cost) from sales, every price from
 * the warehouse. Variants follow their item's rules; price resolution reads price lists.
 */
const CATALOG_MASTERS = ['catalog.unit', 'catalog.tax', 'catalog.category'];
// Whoever reads items may export them too: the CSV has the same columns and masks.
const CATALOG_READER: Rule[] = [
  read(CATALOG_MASTERS),
  { action: ['read', 'export'], subject: 'catalog.item' },
];
const hide = (fields: string[]): Rule => read('catalog.item', { fields, inverted: true });
const CATALOG = {
  /** Sells at list and price-list prices; never sees what an item costs. */
  sales: [...CATALOG_READER, hide(['cost', 'margin']), read('catalog.price-list')],
  /** Buys: costs are its business; sale price lists are not. */
  purchasing: CATALOG_READER,
  /** Moves goods: items, units and codes, no prices at all. */
  warehouse: [...CATALOG_READER, hide(['cost', 'list_price', 'margin'])],
  /** Builds: needs costs for the roll-up, not sale price lists. */
  production: CATALOG_READER,
  /** Values stock and checks invoices: everything, read only. */
  accountant: [...CATALOG_READER, read('catalog.price-list')],
};

export const SYSTEM_ROLES: Record<string, { name: string; rules: Rule[] }> = {
  owner: { name: 'Dueño', rules: [{ action: 'manage', subject: 'all' }] },
  admin: {
    name: 'Administrador',
    rules: [
      { action: 'manage', subject: 'all' },
      // Admins keep the company's settings; only an owner may remove the company. (A deny
      // here also binds a person who is owner and admin: a later rule wins in CASL.)
      { action: 'delete', subject: 'tenancy.tenant', inverted: true },
    ],
  },
  sales: { name: 'Ventas', rules: [...SALES, ...CATALOG.sales] },
  purchasing: {
    name: 'Compras',
    rules: [
      ...EVERY_EMPLOYEE,
      read(['crm.party', 'crm.contact', 'crm.address', 'crm.activity']),
      { action: ['create', 'update', 'export'], subject: 'crm.party' },
      { action: ['create', 'update', 'delete'], subject: ['crm.contact', 'crm.address'] },
      { action: 'create', subject: 'crm.activity' },
      { action: 'update', subject: 'crm.activity', conditions: { created_by: '$user' } },
      ...CATALOG.purchasing,
    ],
  },
  warehouse: {
    name: 'Depósito',
    rules: [
      ...EVERY_EMPLOYEE,
      // Enough to ship: who and where, not credit or terms.
      read('crm.party', {
        fields: ['id', 'kind', 'name', 'legal_name', 'phone', 'email', 'status'],
      }),
      read(['crm.contact', 'crm.address']),
      ...CATALOG.warehouse,
    ],
  },
  production: { name: 'Producción', rules: [...EVERY_EMPLOYEE, ...CATALOG.production] },
  accountant: {
    name: 'Contable',
    rules: [
      ...EVERY_EMPLOYEE,
      read(['crm.party', 'crm.contact', 'crm.address']),
      { action: 'export', subject: 'crm.party' },
      ...CATALOG.accountant,
    ],
  },
  'client-portal': {
    name: 'Portal de clientes',
    rules: [
      read('tenancy.tenant', {
        fields: ['id', 'name', 'legal_name', 'tax_id', 'country', 'currency', 'locale'],
      }),
      ...OWN_PARTY,
    ],
  },
  'supplier-portal': {
    name: 'Portal de proveedores',
    rules: [
      read('tenancy.tenant', {
        fields: ['id', 'name', 'legal_name', 'tax_id', 'country', 'currency', 'locale'],
      }),
      ...OWN_PARTY,
    ],
  },
  'professional-accountant': {
    name: 'Contador externo',
    rules: [
      ...EVERY_EMPLOYEE,
      read(['crm.party', 'crm.contact', 'crm.address']),
      ...CATALOG.accountant,
    ],
  },
  'professional-contractor': {
    name: 'Contratista',
    rules: [read('tenancy.tenant', { fields: ['id', 'name', 'locale'] })],
  },
};

export const isSystemRole = (key: string): boolean => Object.hasOwn(SYSTEM_ROLES, key);
