export * from './accounts.module.js';
export { AccountService, type AccountView } from './account/account.service.js';
export { Ledger } from './ledger/ledger.service.js';
export type * from './ledger/ledger.types.js';
export { Allocations, type AllocationPair } from './current-accounts/allocations.service.js';
export { BooksInstaller } from './setup/books-installer.js';
export { ChainVerifier, type ChainReport } from './chain/chain-verifier.js';
export { PostingRulesResolver } from './posting-rules/posting-rules.resolver.js';
