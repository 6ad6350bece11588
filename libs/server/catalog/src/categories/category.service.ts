import { Inject, Injectable } from '@nestjs/common';
import type { CreateCategoryInput, UpdateCategoryInput } from '@nexo/contracts';
import type { ListPage } from '@nexo/db';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { RecordWrites, listRecords, type Constraints, type Masked } from '@nexo/records';
import { newId } from '@nexo/utils';
import { categories } from '../db/catalog.tables.js';
import { CATEGORY_COLUMNS, CATEGORY_LIST } from './category.list.js';
import { CategoryRepository, type CategoryRow } from './category.repository.js';

const SUBJECT = 'catalog.category';
const NAME = 'Category';
const CONSTRAINTS: Constraints = {
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

/** A category as it leaves the API: what the caller may read of it. */
export type CategoryView = Masked<CategoryRow>;

/** The tree of categories: each has at most one parent; a move never makes a cycle. */
@Injectable()
export class CategoryService {
  constructor(
    @Inject(CategoryRepository) private readonly categories: CategoryRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(RecordWrites) private readonly writes: RecordWrites,
  ) {}

  list(query: Record<string, unknown>): Promise<ListPage<CategoryView>> {
    return listRecords<CategoryRow>(
      { permissions: this.permissions },
      {
        subject: SUBJECT,
        table: categories,
        definition: CATEGORY_LIST,
        columns: CATEGORY_COLUMNS,
        records: this.categories,
      },
      query,
    );
  }

  async get(id: string): Promise<CategoryView> {
    const row = await this.categories.byId(currentPrincipal().tenantId, id);
    if (!row) throw DomainError.notFound(NAME);
    await this.permissions.assertCan('read', SUBJECT, row);
    return this.writes.view(SUBJECT, row);
  }

  create(input: CreateCategoryInput): Promise<CategoryView> {
    const { tenantId } = currentPrincipal();
    return this.writes.create({
      subject: SUBJECT,
      input,
      constraints: CONSTRAINTS,
      insert: () => this.categories.insert({ tenantId, id: newId(), ...input }),
    });
  }

  update(id: string, version: number, input: UpdateCategoryInput): Promise<CategoryView> {
    const { tenantId } = currentPrincipal();
    return this.writes.update({
      subject: SUBJECT,
      name: NAME,
      input,
      constraints: CONSTRAINTS,
      load: () => this.categories.byId(tenantId, id),
      write: async (before) => {
        if (input.parentId && input.parentId !== before.parentId)
          await this.assertNoCycle(tenantId, id, input.parentId);
        return this.categories.update(tenantId, id, version, input);
      },
    });
  }

  /** Only a category with no subcategories and no items (409 otherwise). */
  remove(id: string, version: number): Promise<void> {
    const { tenantId } = currentPrincipal();
    return this.writes.remove({
      subject: SUBJECT,
      name: NAME,
      load: () => this.categories.byId(tenantId, id),
      remove: () => this.categories.remove(tenantId, id, version),
    });
  }

  /** Moving `id` under `parentId` keeps the tree a tree (the tree is locked until commit). */
  private async assertNoCycle(tenantId: string, id: string, parentId: string): Promise<void> {
    await this.categories.lockTree(tenantId);
    const lineage = await this.categories.lineage(tenantId, parentId);
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
}
