import { routeGroup } from '../http/route-group.js';
import {
  AccountSchema,
  CreateAccountInputSchema,
  UpdateAccountInputSchema,
} from './accounts.contracts.js';
import { CURRENT_ACCOUNT_ROUTES } from './current-account.routes.js';
import { LEDGER_ROUTES } from './ledger.routes.js';
import { REPORT_ROUTES } from './reports.routes.js';

const accounts = routeGroup({
  tag: 'Accounts',
  path: '/api/v1/accounts/accounts',
  name: 'Account',
  plural: 'Accounts',
  subject: 'accounts.account',
  schema: AccountSchema,
  list: {
    summary: 'The chart of accounts. Filters: code, name, type, parentId; q searches code and name',
  },
  create: { body: CreateAccountInputSchema },
  get: {},
  update: { body: UpdateAccountInputSchema },
  remove: {},
});

/** Every route of the accounts context, by operation id. */
export const AccountsRoutes = {
  listAccounts: accounts.list,
  createAccount: accounts.create,
  getAccount: accounts.get,
  updateAccount: accounts.update,
  deleteAccount: accounts.remove,
  ...LEDGER_ROUTES,
  ...CURRENT_ACCOUNT_ROUTES,
  ...REPORT_ROUTES,
};
