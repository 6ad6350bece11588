import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  CatalogRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, currentPrincipal, expectedVersion } from '@nexo/platform';
import { CategoryService } from './category.service.js';

@Controller()
export class CategoryController {
  constructor(@Inject(CategoryService) private readonly categories: CategoryService) {}

  @Route(R.listCategories)
  list(
    @Query() q: RouteQuery<typeof R.listCategories>,
  ): Promise<RouteResult<typeof R.listCategories>> {
    return this.categories.list(currentPrincipal(), q);
  }

  @Route(R.createCategory)
  create(
    @Body() body: RouteBody<typeof R.createCategory>,
  ): Promise<RouteResult<typeof R.createCategory>> {
    return this.categories.create(currentPrincipal(), body);
  }

  @Route(R.getCategory)
  get(@Param() p: RouteParams<typeof R.getCategory>): Promise<RouteResult<typeof R.getCategory>> {
    return this.categories.get(currentPrincipal(), p.id);
  }

  @Route(R.updateCategory)
  update(
    @Param() p: RouteParams<typeof R.updateCategory>,
    @Body() body: RouteBody<typeof R.updateCategory>,
  ): Promise<RouteResult<typeof R.updateCategory>> {
    return this.categories.update(currentPrincipal(), p.id, expectedVersion(), body);
  }

  @Route(R.deleteCategory)
  remove(@Param() p: RouteParams<typeof R.deleteCategory>): Promise<void> {
    return this.categories.remove(currentPrincipal(), p.id, expectedVersion());
  }
}
