import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import {
  ErrorCode,
  ITEM_IMAGES_PER_ITEM,
  ITEM_IMAGE_MAX_BYTES,
  ITEM_IMAGE_TYPES,
  type BinaryFile,
} from '@nexo/contracts';
import { EventOutbox } from '@nexo/events';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { ItemUpdated } from '../catalog.events.js';
import { ItemRepository, type ItemImageRow } from './item.repository.js';
import { ItemService } from './item.service.js';

type ImageType = (typeof ITEM_IMAGE_TYPES)[number];
const RESOURCE = 'catalog.item-image';

/** The first bytes of each accepted format: a file must be what its media type says. */
const SIGNATURES: Record<ImageType, (b: Uint8Array) => boolean> = {
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) =>
    Buffer.from(b.subarray(0, 4)).toString('latin1') === 'RIFF' &&
    Buffer.from(b.subarray(8, 12)).toString('latin1') === 'WEBP',
};

/**
 * Pictures of an item, kept in the database next to it (PNG, JPEG or WebP, at most 5 MB,
 * 10 per item): backed up, isolated by RLS and deleted with the item like everything else.
 * Readers of the item see its images; who may change the item adds and removes them.
 */
@Injectable()
export class ItemImageService {
  constructor(
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(ItemService) private readonly itemService: ItemService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  async list(itemId: string): Promise<ItemImageRow[]> {
    await this.itemService.readable(itemId);
    return this.items.images(currentPrincipal().tenantId, itemId);
  }

  async upload(itemId: string, contentType: string, data: Uint8Array): Promise<ItemImageRow> {
    const { tenantId } = currentPrincipal();
    // The item's row stays locked to the end: two uploads cannot both pass the count.
    await this.itemService.writable(itemId, true);
    const type = ITEM_IMAGE_TYPES.find((t) => t === contentType);
    if (!type || !SIGNATURES[type](data))
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        `The file is not a ${contentType.replace('image/', '').toUpperCase()} image`,
      );
    if (data.length > ITEM_IMAGE_MAX_BYTES)
      throw new DomainError(ErrorCode.PayloadTooLarge, 'An image is at most 5 MB');
    if ((await this.items.images(tenantId, itemId)).length >= ITEM_IMAGES_PER_ITEM)
      throw DomainError.conflict(`An item has at most ${ITEM_IMAGES_PER_ITEM} images`);
    const created = await this.items.insertImage({
      tenantId,
      id: newId(),
      itemId,
      contentType: type,
      byteSize: data.length,
      data: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    });
    await this.audit.record({
      action: 'create',
      resource: RESOURCE,
      resourceId: created.id,
      after: created,
    });
    await this.outbox.publish(ItemUpdated.of(itemId, { id: itemId, changed: ['images'] }));
    return created;
  }

  async download(id: string): Promise<BinaryFile> {
    const image = await this.items.imageById(currentPrincipal().tenantId, id, true);
    if (!image?.data) throw DomainError.notFound('Image');
    await this.itemService.readable(image.itemId);
    return { contentType: image.contentType, data: image.data };
  }

  async remove(id: string): Promise<void> {
    const { tenantId } = currentPrincipal();
    const image = await this.items.imageById(tenantId, id, false);
    if (!image) throw DomainError.notFound('Image');
    await this.itemService.writable(image.itemId);
    if (!(await this.items.removeImage(tenantId, id))) throw DomainError.notFound('Image');
    await this.audit.record({
      action: 'delete',
      resource: RESOURCE,
      resourceId: id,
      before: image,
    });
    await this.outbox.publish(
      ItemUpdated.of(image.itemId, { id: image.itemId, changed: ['images'] }),
    );
  }
}
