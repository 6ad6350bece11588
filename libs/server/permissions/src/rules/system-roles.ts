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

const EVERY_EMPLOYEE: Rule[] = [read('tenancy.tenant')];

export const SYSTEM_ROLES: Record<string, { name: string; rules: Rule[] }> = {
  owner: { name: 'Dueño', rules: [{ action: 'manage', subject: 'all' }] },
  admin: {
    name: 'Administrador',
    rules: [
      { action: 'manage', subject: 'all' },
      // Only owners may change the company's own record (legal name, tax id, MFA policy).
      { action: ['update', 'delete'], subject: 'tenancy.tenant', inverted: true },
    ],
  },
  sales: { name: 'Ventas', rules: [...EVERY_EMPLOYEE] },
  purchasing: { name: 'Compras', rules: [...EVERY_EMPLOYEE] },
  warehouse: { name: 'Depósito', rules: [...EVERY_EMPLOYEE] },
  production: { name: 'Producción', rules: [...EVERY_EMPLOYEE] },
  accountant: { name: 'Contable', rules: [...EVERY_EMPLOYEE] },
  'client-portal': {
    name: 'Portal de clientes',
    rules: [
      read('tenancy.tenant', {
        fields: ['id', 'name', 'legal_name', 'tax_id', 'country', 'currency', 'locale'],
      }),
    ],
  },
  'supplier-portal': {
    name: 'Portal de proveedores',
    rules: [
      read('tenancy.tenant', {
        fields: ['id', 'name', 'legal_name', 'tax_id', 'country', 'currency', 'locale'],
      }),
    ],
  },
  'professional-accountant': { name: 'Contador externo', rules: [...EVERY_EMPLOYEE] },
  'professional-contractor': {
    name: 'Contratista',
    rules: [read('tenancy.tenant', { fields: ['id', 'name', 'locale'] })],
  },
};

export const isSystemRole = (key: string): boolean => Object.hasOwn(SYSTEM_ROLES, key);
