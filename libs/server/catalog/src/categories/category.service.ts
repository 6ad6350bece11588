import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreateCategoryInput, UpdateCategoryInput } from '@nexo/contracts';
import { parseListQuery, type ListDefinition } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, stale, type Principal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, eq } from 'drizzle-orm';
import { categories } from '../db/catalog.tables.js';
import {
  translateDeleteError,
  translateWriteError,
  type ConstraintMeaning,
} from '../shared/db-errors.js';
import { CategoryRepository, type CategoryRow } from './category.repository.js';

const SUBJECT = 'catalog.category';
const COLUMNS = { id: categories.id, parent_id: categories.parentId, name: categories.name };
const LIST: ListDefinition = {
  fields: {
    name: { column: categories.name, type: 'text', sortable: true, searchable: true },
    parentId: { column: categories.parentId, type: 'uuid' },
  },
  defaultSort: 'name',
  id: categories.id,
};
const CONSTRAINTS: Record<string, ConstraintMeaning> = {
  categories_tenant_parent_name_key: {
    kind: 'taken',
    field: 'name',
    message: 'A category with this name already exists at this level',
  },
  categories_parent_fk: {
    kind: 'unknown-reference',
    field: 'parentId',
    message: 'No such category',
  },
};

export type CategoryView = Omit<CategoryRow, 'tenantId'>;
const view = ({ tenantId: _, ...category }: CategoryRow): CategoryView => category;

/** The tree of categories: each has at most one parent; a move never makes a cycle. */
@Injectable()
export class CategoryService {
  constructor(
    @Inject(CategoryRepository) private readonly categories: CategoryRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(principal: Principal, query: Record<string, unknown>) {
    const list = parseListQuery(
      LIST,
      query,
      and(
        eq(categories.tenantId, principal.tenantId),
        await this.permissions.where('read', SUBJECT, COLUMNS),
      ),
    );
    const page = await this.categories.page(list);
    return { ...page, items: page.items.map(view) };
  }

  async get(principal: Principal, id: string): Promise<CategoryView> {
    const row = await this.categories.byId(principal.tenantId, id);
    if (!row) throw DomainError.notFound('Category');
    await this.permissions.assertCan('read', SUBJECT, row);
    return view(row);
  }

  async create(principal: Principal, input: CreateCategoryInput): Promise<CategoryView> {
    await this.permissions.assertWritable('create', SUBJECT, undefined, input);
    const row = await this.categories
      .insert({ tenantId: principal.tenantId, id: newId(), ...input })
      .catch((error: unknown) => translateWriteError(error, CONSTRAINTS));
    await this.audit.record({
      action: 'create',
      resource: SUBJECT,
      resourceId: row.id,
      after: view(row),
    });
    return view(row);
  }

  async update(
    principal: Principal,
    id: string,
    version: number,
    input: UpdateCategoryInput,
  ): Promise<CategoryView> {
    const before = await this.categories.byId(principal.tenantId, id);
    if (!before) throw DomainError.notFound('Category');
    await this.permissions.assertWritable('update', SUBJECT, before, input);
    if (input.parentId && input.parentId !== before.parentId) {
      await this.categories.lockTree(principal.tenantId);
      const lineage = await this.categories.lineage(principal.tenantId, input.parentId);
      if (!lineage.length)
        throw DomainError.unknownReference([
          { path: 'parentId', code: 'not_found', message: 'No such category' },
        ]);
      if (lineage.includes(id))
        throw DomainError.validation([
          {
            path: 'parentId',
            code: 'cycle',
            message: 'A category cannot be moved under itself or one of its own subcategories',
          },
        ]);
    }
    const row = await this.categories
      .update(principal.tenantId, id, version, input)
      .catch((error: unknown) => translateWriteError(error, CONSTRAINTS));
    if (!row) throw stale();
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before: view(before),
      after: view(row),
    });
    return view(row);
  }

  /** Only a category with no subcategories and no items (409 otherwise). */
  async remove(principal: Principal, id: string, version: number): Promise<void> {
    const before = await this.categories.byId(principal.tenantId, id);
    if (!before) throw DomainError.notFound('Category');
    await this.permissions.assertWritable('delete', SUBJECT, before, {});
    const removed = await this.categories
      .remove(principal.tenantId, id, version)
      .catch((error: unknown) => translateDeleteError(error, 'The category'));
    if (!removed) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: SUBJECT,
      resourceId: id,
      before: view(before),
    });
  }
}
