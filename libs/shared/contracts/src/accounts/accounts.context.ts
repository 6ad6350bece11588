import { defineContext } from '../context/context-contract.js';
import { ACCOUNTS_MESSAGES } from './accounts.messages.js';
import { AccountsRoutes } from './accounts.routes.js';

/** Accounts: what it keeps and for whom (one line; the README says more). */
export const AccountsContext = defineContext({
  name: 'accounts',
  module: true,
  subjects: {
    'accounts.account': { es: 'Accounts', en: 'Accounts' },
  },
  routes: Object.values(AccountsRoutes),
  // What each system role may do here; owners and admins manage everything already.
  roleRules: {},
  messages: ACCOUNTS_MESSAGES,
});
