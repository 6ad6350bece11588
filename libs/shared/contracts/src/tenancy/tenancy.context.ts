import { defineContext } from '../context/context-contract.js';
import { forEveryEmployee, read } from '../context/employee-roles.js';
import { TENANCY_MESSAGES } from './tenancy.messages.js';
import { TenancyRoutes } from './tenancy.routes.js';

/** What a client or supplier sees of the company it deals with. */
const COMPANY_CARD = read('tenancy.tenant', {
  fields: ['id', 'name', 'legal_name', 'tax_id', 'country', 'currency', 'locale'],
});

/** The company itself: its settings, currencies, taxes of record and number series. */
export const TenancyContext = defineContext({
  name: 'tenancy',
  module: true,
  subjects: {
    'tenancy.tenant': { es: 'Empresa', en: 'Company' },
    'tenancy.number-series': { es: 'Numeración de comprobantes', en: 'Document numbering' },
  },
  routes: Object.values(TenancyRoutes),
  roleRules: {
    ...forEveryEmployee([read('tenancy.tenant')]),
    'client-portal': [COMPANY_CARD],
    'supplier-portal': [COMPANY_CARD],
    'professional-contractor': [read('tenancy.tenant', { fields: ['id', 'name', 'locale'] })],
  },
  errors: {
    number_already_issued: {
      status: 409,
      title: 'Number already issued',
      message: {
        es: 'Ese número ya se emitió en esta serie: el próximo sólo puede avanzar.',
        en: 'That number was already issued in this series: the next can only move forward.',
      },
    },
  },
  messages: TENANCY_MESSAGES,
  nav: {
    group: 'nav.admin',
    entries: [
      {
        href: '/admin/company',
        label: 'nav.company',
        can: ['update', 'tenancy.tenant'],
        icon: 'company',
        order: 5,
      },
    ],
  },
});
