import type { Rule } from '../permissions/permission.contracts.js';
import { defineContext } from '../context/context-contract.js';
import { forEveryEmployee, read } from '../context/employee-roles.js';
import { CRM_MESSAGES } from './crm.messages.js';
import { CRM_ROUTES } from './crm.routes.js';

/** Own or team: the salesperson's records, and their team's. */
const OWN = { owner_id: '$user' };
const TEAM = { team_id: { $in: '$teams' } };
const ownOrTeam = (action: string | string[], subject: string): Rule[] => [
  { action, subject, conditions: OWN },
  { action, subject, conditions: TEAM },
];

const PARTY_RECORDS = ['crm.party', 'crm.contact', 'crm.address'];
const PARTY_DETAILS_WRITE: Rule = {
  action: ['create', 'update', 'delete'],
  subject: ['crm.contact', 'crm.address'],
};

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

const employees = forEveryEmployee([read(['crm.pipeline', 'crm.team'])]);

/** Customers, suppliers and the opportunity pipeline: who the company deals with. */
export const CrmContext = defineContext({
  name: 'crm',
  module: true,
  subjects: {
    'crm.party': { es: 'Clientes y proveedores', en: 'Customers and suppliers' },
    'crm.contact': { es: 'Contactos', en: 'Contacts' },
    'crm.address': { es: 'Direcciones', en: 'Addresses' },
    'crm.lead': { es: 'Prospectos', en: 'Leads' },
    'crm.opportunity': { es: 'Oportunidades', en: 'Opportunities' },
    'crm.activity': { es: 'Actividades', en: 'Activities' },
    'crm.pipeline': { es: 'Embudos', en: 'Pipelines' },
    'crm.stage': { es: 'Etapas', en: 'Stages' },
    'crm.team': { es: 'Equipos', en: 'Teams' },
  },
  routes: CRM_ROUTES,
  roleRules: {
    ...employees,
    sales: [
      ...employees.sales,
      // Customers are the company's, not one seller's: everyone in sales reads them.
      read(PARTY_RECORDS),
      { action: ['create', 'export'], subject: 'crm.party' },
      ...ownOrTeam('update', 'crm.party'),
      PARTY_DETAILS_WRITE,
      { action: 'create', subject: ['crm.lead', 'crm.opportunity', 'crm.activity'] },
      ...ownOrTeam(['read', 'update', 'convert'], 'crm.lead'),
      ...ownOrTeam(['read', 'update'], 'crm.opportunity'),
      read('crm.activity'),
      { action: 'update', subject: 'crm.activity', conditions: { assignee_id: '$user' } },
      { action: 'update', subject: 'crm.activity', conditions: { created_by: '$user' } },
    ],
    purchasing: [
      ...employees.purchasing,
      read([...PARTY_RECORDS, 'crm.activity']),
      { action: ['create', 'update', 'export'], subject: 'crm.party' },
      PARTY_DETAILS_WRITE,
      { action: 'create', subject: 'crm.activity' },
      { action: 'update', subject: 'crm.activity', conditions: { created_by: '$user' } },
    ],
    warehouse: [
      ...employees.warehouse,
      // Enough to ship: who and where, not credit or terms.
      read('crm.party', {
        fields: ['id', 'kind', 'name', 'legal_name', 'phone', 'email', 'status'],
      }),
      read(['crm.contact', 'crm.address']),
    ],
    accountant: [
      ...employees.accountant,
      read(PARTY_RECORDS),
      { action: 'export', subject: 'crm.party' },
    ],
    'professional-accountant': [...employees['professional-accountant'], read(PARTY_RECORDS)],
    /** Takes payments from customers and pays suppliers: reads who they are. */
    cashier: [...employees.cashier, read(PARTY_RECORDS)],
    auditor: [...employees.auditor, read(PARTY_RECORDS)],
    'client-portal': OWN_PARTY,
    'supplier-portal': OWN_PARTY,
  },
  messages: CRM_MESSAGES,
  nav: {
    group: 'nav.crm',
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
});
