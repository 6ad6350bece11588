import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  CatalogRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { CategoryService } from './category.service.js';

/** Views are masked (`Partial`); the route's schema serializes what is there. */
type Result<T extends (typeof R)[keyof typeof R]> = Promise<RouteResult<T>>;

@Controller()
export class CategoryController {
  constructor(@Inject(CategoryService) private readonly categories: CategoryService) {}

  @Route(R.listCategories)
  list(@Query() q: RouteQuery<typeof R.listCategories>): Result<typeof R.listCategories> {
    return this.categories.list(q);
  }

  @Route(R.createCategory)
  create(@Body() body: RouteBody<typeof R.createCategory>): Result<typeof R.createCategory> {
    return this.categories.create(body);
  }

  @Route(R.getCategory)
  get(@Param() p: RouteParams<typeof R.getCategory>): Result<typeof R.getCategory> {
    return this.categories.get(p.id);
  }

  @Route(R.updateCategory)
  update(
    @Param() p: RouteParams<typeof R.updateCategory>,
    @Body() body: RouteBody<typeof R.updateCategory>,
  ): Result<typeof R.updateCategory> {
    return this.categories.update(p.id, expectedVersion(), body);
  }

  @Route(R.deleteCategory)
  remove(@Param() p: RouteParams<typeof R.deleteCategory>): Promise<void> {
    return this.categories.remove(p.id, expectedVersion());
  }
}
