import { defineContext } from '../context/context-contract.js';
import { forEveryEmployee, read } from '../context/employee-roles.js';
import { TENANCY_MESSAGES } from './tenancy.messages.js';
import { TenancyRoutes } from './tenancy.routes.js';

/** What a client or supplier sees of the company it deals with. */
const COMPANY_CARD = read('tenancy.tenant', {
  fields: ['id', 'name', 'legal_name', 'tax_id', 'country', 'currency', 'locale'],
});

const RATES = 'tenancy.exchange-rate';
const POINTS = 'tenancy.point-of-sale';
const READ_COMPANY = [read('tenancy.tenant'), read(RATES), read(POINTS)];

/** The company itself: its settings, currencies, taxes of record and number series. */
export const TenancyContext = defineContext({
  name: 'tenancy',
  module: true,
  subjects: {
    'tenancy.tenant': { es: 'Empresa', en: 'Company' },
    'tenancy.number-series': { es: 'Numeración de comprobantes', en: 'Document numbering' },
    [RATES]: { es: 'Tipos de cambio', en: 'Exchange rates' },
    [POINTS]: { es: 'Puntos de venta', en: 'Points of sale' },
  },
  routes: Object.values(TenancyRoutes),
  roleRules: {
    ...forEveryEmployee(READ_COMPANY),
    /**
     * Keeps the books in the base currency: enters and imports the rates they need; registers
     * the points of sale the invoices are numbered in.
     */
    accountant: [
      ...READ_COMPANY,
      { action: ['create', 'update', 'delete', 'import'], subject: RATES },
      { action: ['create', 'update', 'delete'], subject: POINTS },
    ],
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
    exchange_rate_not_found: {
      status: 404,
      title: 'No exchange rate',
      message: {
        es: 'No hay tipo de cambio de esa moneda en esa fecha ni antes.',
        en: 'There is no exchange rate for that currency on that date or before it.',
      },
    },
    exchange_rate_base_currency: {
      status: 422,
      title: 'Base currency',
      message: {
        es: 'La moneda base de la empresa no lleva tipo de cambio: siempre vale 1.',
        en: "The company's base currency takes no exchange rate: it is always 1.",
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
