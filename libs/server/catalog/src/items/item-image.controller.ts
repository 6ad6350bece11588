import { Body, Controller, Headers, Inject, Param } from '@nestjs/common';
import {
  CatalogRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteResult,
} from '@nexo/contracts';
import { Route } from '@nexo/platform';
import { ItemImageService } from './item-image.service.js';

@Controller()
export class ItemImageController {
  constructor(@Inject(ItemImageService) private readonly images: ItemImageService) {}

  @Route(R.listItemImages)
  list(
    @Param() p: RouteParams<typeof R.listItemImages>,
  ): Promise<RouteResult<typeof R.listItemImages>> {
    return this.images.list(p.id) as Promise<RouteResult<typeof R.listItemImages>>;
  }

  /** The contract has checked the media type and size; the service checks the bytes. */
  @Route(R.uploadItemImage)
  upload(
    @Param() p: RouteParams<typeof R.uploadItemImage>,
    @Headers('content-type') contentType: string,
    @Body() body: RouteBody<typeof R.uploadItemImage>,
  ): Promise<RouteResult<typeof R.uploadItemImage>> {
    const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
    return this.images.upload(p.id, type, body) as Promise<RouteResult<typeof R.uploadItemImage>>;
  }

  @Route(R.getItemImage)
  download(
    @Param() p: RouteParams<typeof R.getItemImage>,
  ): Promise<RouteResult<typeof R.getItemImage>> {
    return this.images.download(p.id);
  }

  @Route(R.deleteItemImage)
  remove(@Param() p: RouteParams<typeof R.deleteItemImage>): Promise<void> {
    return this.images.remove(p.id);
  }
}
