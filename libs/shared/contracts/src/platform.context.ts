import { defineContext } from './context/context-contract.js';
import { PlatformRoutes } from './platform.routes.js';

/** Health, metrics, the API document and the audit log: the platform every context runs on. */
export const PlatformContext = defineContext({
  name: 'platform',
  module: false,
  subjects: { 'audit.log': { es: 'Auditoría', en: 'Audit' } },
  routes: Object.values(PlatformRoutes),
  nav: {
    group: 'nav.admin',
    entries: [
      {
        href: '/admin/audit',
        label: 'nav.audit',
        can: ['read', 'audit.log'],
        icon: 'audit',
        order: 3,
      },
    ],
  },
});
