import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  CatalogRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { ItemVariantService } from './item-variant.service.js';

@Controller()
export class ItemVariantController {
  constructor(@Inject(ItemVariantService) private readonly variants: ItemVariantService) {}

  @Route(R.listItemVariants)
  list(
    @Param() p: RouteParams<typeof R.listItemVariants>,
    @Query() q: RouteQuery<typeof R.listItemVariants>,
  ): Promise<RouteResult<typeof R.listItemVariants>> {
    return this.variants.list(p.id, q) as Promise<RouteResult<typeof R.listItemVariants>>;
  }

  @Route(R.createItemVariant)
  create(
    @Param() p: RouteParams<typeof R.createItemVariant>,
    @Body() body: RouteBody<typeof R.createItemVariant>,
  ): Promise<RouteResult<typeof R.createItemVariant>> {
    return this.variants.create(p.id, body) as Promise<RouteResult<typeof R.createItemVariant>>;
  }

  @Route(R.getItemVariant)
  get(
    @Param() p: RouteParams<typeof R.getItemVariant>,
  ): Promise<RouteResult<typeof R.getItemVariant>> {
    return this.variants.get(p.id) as Promise<RouteResult<typeof R.getItemVariant>>;
  }

  @Route(R.updateItemVariant)
  update(
    @Param() p: RouteParams<typeof R.updateItemVariant>,
    @Body() body: RouteBody<typeof R.updateItemVariant>,
  ): Promise<RouteResult<typeof R.updateItemVariant>> {
    return this.variants.update(p.id, expectedVersion(), body) as Promise<
      RouteResult<typeof R.updateItemVariant>
    >;
  }

  @Route(R.deleteItemVariant)
  remove(@Param() p: RouteParams<typeof R.deleteItemVariant>): Promise<void> {
    return this.variants.remove(p.id, expectedVersion());
  }
}
