import type { Rule } from '../permissions/permission.contracts.js';
import { defineContext } from '../context/context-contract.js';
import { read } from '../context/employee-roles.js';
import { ACCOUNTS_MESSAGES } from './accounts.messages.js';
import { AccountsRoutes } from './accounts.routes.js';

const SUBJECTS = [
  'accounts.account',
  'accounts.entry',
  'accounts.settings',
  'accounts.current-account',
  'accounts.report',
];
const READ_ALL: Rule = { action: ['read', 'export'], subject: SUBJECTS };

/** The chart, the ledger, current accounts and their reports. */
export const AccountsContext = defineContext({
  name: 'accounts',
  module: true,
  subjects: {
    'accounts.account': { es: 'Plan de cuentas', en: 'Chart of accounts' },
    'accounts.entry': { es: 'Asientos', en: 'Journal entries' },
    'accounts.settings': {
      es: 'Ejercicios, cierres y reglas contables',
      en: 'Fiscal years, locks and posting rules',
    },
    'accounts.current-account': {
      es: 'Cuentas corrientes e imputaciones',
      en: 'Current accounts and allocations',
    },
    'accounts.report': { es: 'Informes contables', en: 'Accounting reports' },
  },
  routes: Object.values(AccountsRoutes),
  roleRules: {
    /** Keeps the books: everything here, including posting before the staff lock date. */
    accountant: [
      { action: ['read', 'create', 'update', 'delete', 'transition', 'export'], subject: SUBJECTS },
    ],
    /** Takes and makes payments: allocates them; reads the chart and the current accounts. */
    cashier: [
      read('accounts.account'),
      { action: ['read', 'create', 'update', 'export'], subject: 'accounts.current-account' },
    ],
    /** Reads the whole ledger and exports it; changes nothing. */
    auditor: [READ_ALL],
    /** The outside accountant reads the whole ledger of each company it serves. */
    'professional-accountant': [READ_ALL],
    /** Sells on credit: sees what customers owe. */
    sales: [read('accounts.current-account')],
    purchasing: [read('accounts.current-account')],
  },
  errors: {
    period_locked: {
      status: 409,
      title: 'Period locked',
      message: {
        es: 'La fecha cae en un período cerrado: use una fecha posterior al cierre.',
        en: 'The date falls in a locked period: use a date after the lock.',
      },
    },
    entry_unbalanced: {
      status: 422,
      title: 'Entry does not balance',
      message: {
        es: 'El asiento no balancea: el debe y el haber deben sumar lo mismo.',
        en: 'The entry does not balance: debits and credits must add up to the same amount.',
      },
    },
    entry_posted: {
      status: 409,
      title: 'Entry posted',
      message: {
        es: 'El asiento está registrado y no cambia: se corrige con un contraasiento.',
        en: 'The entry is posted and never changes: correct it with a reversal.',
      },
    },
    entry_not_posted: {
      status: 409,
      title: 'Entry not posted',
      message: {
        es: 'Solo se revierte un asiento registrado; un borrador se elimina.',
        en: 'Only a posted entry is reversed; a draft is deleted.',
      },
    },
    entry_already_reversed: {
      status: 409,
      title: 'Already reversed',
      message: {
        es: 'Ese asiento ya tiene su contraasiento.',
        en: 'That entry has been reversed already.',
      },
    },
    over_allocated: {
      status: 409,
      title: 'Over-allocated',
      message: {
        es: 'La imputación supera el saldo pendiente del comprobante o del pago.',
        en: 'The allocation exceeds what is open on the document or the payment.',
      },
    },
    already_revalued: {
      status: 409,
      title: 'Already revalued',
      message: {
        es: 'Ya hay una revaluación de moneda extranjera en esa fecha.',
        en: 'There is a foreign-currency revaluation on that date already.',
      },
    },
    no_exchange_rate: {
      status: 422,
      title: 'No exchange rate',
      message: {
        es: 'Falta el tipo de cambio de una moneda para esa fecha: cárguelo en la empresa.',
        en: 'An exchange rate for that date is missing: enter it in the company settings.',
      },
    },
    already_undone: {
      status: 409,
      title: 'Already undone',
      message: {
        es: 'Esa imputación ya fue deshecha.',
        en: 'That allocation has been undone already.',
      },
    },
  },
  messages: ACCOUNTS_MESSAGES,
  nav: {
    group: 'nav.accounts',
    entries: [
      {
        href: '/accounts',
        label: 'nav.accountsDashboard',
        can: ['read', 'accounts.current-account'],
        icon: 'pipeline',
      },
      {
        href: '/accounts/chart',
        label: 'nav.chartOfAccounts',
        can: ['read', 'accounts.account'],
        icon: 'fields',
      },
      {
        href: '/accounts/entries',
        label: 'nav.journalEntries',
        can: ['read', 'accounts.entry'],
        icon: 'audit',
      },
      {
        href: '/accounts/reports/trial-balance',
        label: 'nav.trialBalance',
        can: ['read', 'accounts.report'],
        icon: 'prices',
      },
      {
        href: '/accounts/reports/general-ledger',
        label: 'nav.generalLedger',
        can: ['read', 'accounts.report'],
        icon: 'prices',
      },
      {
        href: '/accounts/reports/profit-and-loss',
        label: 'nav.profitAndLoss',
        can: ['read', 'accounts.report'],
        icon: 'prices',
      },
      {
        href: '/accounts/reports/balance-sheet',
        label: 'nav.balanceSheet',
        can: ['read', 'accounts.report'],
        icon: 'prices',
      },
      {
        href: '/accounts/reports/aging',
        label: 'nav.aging',
        can: ['read', 'accounts.current-account'],
        icon: 'parties',
      },
      {
        href: '/accounts/settings',
        label: 'nav.accountingSettings',
        can: ['read', 'accounts.settings'],
        icon: 'company',
      },
    ],
  },
});
