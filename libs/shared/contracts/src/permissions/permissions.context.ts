import { defineContext } from '../context/context-contract.js';
import { PermissionRoutes } from './permission.routes.js';

/** Roles and their rules; the engine itself is the server's. */
export const PermissionsContext = defineContext({
  name: 'permissions',
  module: false,
  subjects: { 'permissions.role': { es: 'Roles', en: 'Roles' } },
  routes: Object.values(PermissionRoutes),
  nav: {
    group: 'nav.admin',
    entries: [
      {
        href: '/admin/roles',
        label: 'nav.roles',
        can: ['read', 'permissions.role'],
        icon: 'roles',
        order: 2,
      },
    ],
  },
});
