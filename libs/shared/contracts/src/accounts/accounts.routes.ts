import { routeGroup } from '../http/route-group.js';
import {
  AccountSchema,
  CreateAccountInputSchema,
  UpdateAccountInputSchema,
} from './accounts.contracts.js';

const accounts = routeGroup({
  tag: 'Accounts',
  path: '/api/v1/accounts/accounts',
  name: 'Account',
  plural: 'Accounts',
  subject: 'accounts.account',
  schema: AccountSchema,
  list: { summary: 'Accounts of the company. Filters: name; q searches the name' },
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
};
