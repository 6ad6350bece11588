import { defineContext } from '../context/context-contract.js';
import { forEveryEmployee, read } from '../context/employee-roles.js';
import { CustomFieldRoutes } from './custom-field.contracts.js';

/** Fields a company adds to its records; every employee reads their definitions. */
export const CustomFieldsContext = defineContext({
  name: 'custom-fields',
  module: false,
  subjects: { 'customization.field': { es: 'Campos personalizados', en: 'Custom fields' } },
  routes: Object.values(CustomFieldRoutes),
  roleRules: forEveryEmployee([read('customization.field')]),
  nav: {
    group: 'nav.admin',
    entries: [
      {
        href: '/admin/custom-fields',
        label: 'nav.customFields',
        can: ['create', 'customization.field'],
        icon: 'fields',
        order: 4,
      },
    ],
  },
});
