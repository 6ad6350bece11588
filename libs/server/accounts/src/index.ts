export * from './accounts.module.js';
export { AccountService, type AccountView } from './account/account.service.js';
