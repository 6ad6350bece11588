import { CONTEXTS, type Rule, type SystemRoleKey } from '@nexo/contracts';

/**
 * Roles every tenant has, defined in code so that an upgrade can improve them for everyone.
 * The owner's and admin's rules are here; every other role is the sum of what each context
 * adds to it (`roleRules` in its `<context>.context.ts`), in the contexts' order. A tenant
 * cannot edit these, only define its own roles next to them.
 */
const BASE: Record<SystemRoleKey, { name: string; rules: Rule[] }> = {
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
  sales: { name: 'Ventas', rules: [] },
  purchasing: { name: 'Compras', rules: [] },
  warehouse: { name: 'Depósito', rules: [] },
  production: { name: 'Producción', rules: [] },
  accountant: { name: 'Contable', rules: [] },
  cashier: { name: 'Cajero', rules: [] },
  auditor: { name: 'Auditor (solo lectura)', rules: [] },
  'client-portal': { name: 'Portal de clientes', rules: [] },
  'supplier-portal': { name: 'Portal de proveedores', rules: [] },
  'professional-accountant': { name: 'Contador externo', rules: [] },
  'professional-contractor': { name: 'Contratista', rules: [] },
};

export const SYSTEM_ROLES: Record<string, { name: string; rules: Rule[] }> = Object.fromEntries(
  Object.entries(BASE).map(([key, role]) => [
    key,
    {
      name: role.name,
      rules: [...role.rules, ...CONTEXTS.flatMap((c) => c.roleRules?.[key as SystemRoleKey] ?? [])],
    },
  ]),
);

export const isSystemRole = (key: string): boolean => Object.hasOwn(SYSTEM_ROLES, key);
