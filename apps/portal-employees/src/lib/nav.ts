import type { MessageKey } from '@nexo/i18n';

export interface NavEntry {
  href: string;
  label: MessageKey;
  /** Shown only to people who may do this. */
  can: [action: string, subject: string];
  icon: string;
}
export interface NavGroup {
  label: MessageKey;
  entries: NavEntry[];
}

export const NAV: NavGroup[] = [
  {
    label: 'nav.crm',
    entries: [
      {
        href: '/crm/pipeline',
        label: 'nav.pipeline',
        can: ['read', 'crm.opportunity'],
        icon: 'pipeline',
      },
      { href: '/crm/parties', label: 'nav.parties', can: ['read', 'crm.party'], icon: 'parties' },
      { href: '/crm/leads', label: 'nav.leads', can: ['read', 'crm.lead'], icon: 'leads' },
      { href: '/crm/tasks', label: 'nav.tasks', can: ['read', 'crm.activity'], icon: 'tasks' },
    ],
  },
  {
    label: 'nav.catalog',
    entries: [
      { href: '/catalog/items', label: 'nav.items', can: ['read', 'catalog.item'], icon: 'items' },
      {
        href: '/catalog/price-lists',
        label: 'nav.priceLists',
        can: ['read', 'catalog.price-list'],
        icon: 'prices',
      },
    ],
  },
  {
    label: 'nav.admin',
    entries: [
      { href: '/admin/users', label: 'nav.users', can: ['read', 'auth.member'], icon: 'users' },
      {
        href: '/admin/roles',
        label: 'nav.roles',
        can: ['read', 'permissions.role'],
        icon: 'roles',
      },
      { href: '/admin/audit', label: 'nav.audit', can: ['read', 'audit.log'], icon: 'audit' },
      {
        href: '/admin/custom-fields',
        label: 'nav.customFields',
        can: ['create', 'customization.field'],
        icon: 'fields',
      },
      {
        href: '/admin/company',
        label: 'nav.company',
        can: ['update', 'tenancy.tenant'],
        icon: 'company',
      },
    ],
  },
];
