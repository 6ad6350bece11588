import { Inject, Injectable } from '@nestjs/common';
import type { CreateAccountInput, UpdateAccountInput } from '@nexo/contracts/accounts';
import { parseListQuery, type ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, type Constraints, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import { accounts } from '../db/accounts.tables.js';
import { ACCOUNT_COLUMNS, ACCOUNT_LIST } from './account.list.js';
import { normalizeName } from './account.policy.js';
import { AccountRepository, type AccountRow } from './account.repository.js';

const SUBJECT = 'accounts.account';
const NAME = 'Account';
const CONSTRAINTS: Constraints = {
  accounts_tenant_code_key: { kind: 'taken', field: 'code', message: 'The code is already in use' },
  accounts_parent_fk: { kind: 'unknown-reference', field: 'parentId', message: 'No such account' },
};

/** An account as it leaves the API: what the caller may read of it. */
export type AccountView = Masked<AccountRow>;

/** The company's chart of accounts: the rules; queries are the repository's. */
@Injectable()
export class AccountService {
  constructor(
    @Inject(AccountRepository) private readonly records: AccountRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
  ) {}

  async list(query: Record<string, unknown>): Promise<ListPage<AccountView>> {
    const list = parseListQuery(
      ACCOUNT_LIST,
      query,
      and(
        eq(accounts.tenantId, currentPrincipal().tenantId),
        await this.permissions.where('read', SUBJECT, ACCOUNT_COLUMNS),
      ),
    );
    const page = await this.records.page(list);
    const view = await this.permissions.viewer<AccountRow>(SUBJECT);
    return { ...page, items: page.items.map(view) };
  }

  async get(id: string): Promise<AccountView> {
    const row = await this.records.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return this.writes.view(SUBJECT, row);
  }

  create(input: CreateAccountInput): Promise<AccountView> {
    const { tenantId } = currentPrincipal();
    const values = { ...input, name: normalizeName(input.name) };
    return this.writes.create({
      subject: SUBJECT,
      input: values,
      constraints: CONSTRAINTS,
      insert: () => this.records.insert({ tenantId, id: newId(), ...values }),
    });
  }

  update(id: string, version: number, input: UpdateAccountInput): Promise<AccountView> {
    const { tenantId } = currentPrincipal();
    const values = input.name === undefined ? input : { ...input, name: normalizeName(input.name) };
    return this.writes.update({
      subject: SUBJECT,
      name: NAME,
      input: values,
      constraints: CONSTRAINTS,
      load: () => this.records.byId(tenantId, id),
      write: () => this.records.update(tenantId, id, version, values),
    });
  }

  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: SUBJECT,
      name: NAME,
      load: () => this.records.byId(tenantId, id),
      remove: () => this.records.remove(tenantId, id, version),
    });
  }
}
