import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import {
  ErrorCode,
  TENANT_LOGO_MAX_BYTES,
  TENANT_LOGO_TYPES,
  type BinaryFile,
} from '@nexo/contracts';
import { DomainError, RECORD_ACCESS, currentPrincipal, type RecordAccess } from '@nexo/platform';
import { TenantDirectory } from './tenant-directory.js';
import { TenantRepository, type TenantRow } from './tenant.repository.js';

const SUBJECT = 'tenancy.tenant';
type LogoType = (typeof TENANT_LOGO_TYPES)[number];

/** The first bytes of each accepted format: a file must be what its media type says. */
const SIGNATURES: Record<LogoType, (b: Uint8Array) => boolean> = {
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

/**
 * The company's logo, printed on its documents' PDFs: PNG or JPEG, at most 512 KB, kept in
 * its row (backed up and isolated by RLS with it). Every reader of the company may fetch it
 * (clients and suppliers see it on the documents anyway); who may change the company's
 * settings sets and removes it. A change is audited as one of the company's, without the
 * bytes, and leaves the settings' version alone: it has routes of its own, no If-Match.
 */
@Injectable()
export class TenantLogoService {
  constructor(
    @Inject(TenantRepository) private readonly tenants: TenantRepository,
    @Inject(TenantDirectory) private readonly directory: TenantDirectory,
    @Inject(RECORD_ACCESS) private readonly access: RecordAccess,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  private async company(id: string, lock = false): Promise<TenantRow> {
    const tenant =
      id === currentPrincipal().tenantId ? await this.tenants.findById(id, lock) : undefined;
    if (!tenant) throw DomainError.notFound('Company');
    return tenant;
  }

  async get(id: string): Promise<BinaryFile> {
    await this.company(id);
    const logo = await this.directory.logoOf(id);
    if (!logo) throw DomainError.notFound('Logo');
    return logo;
  }

  async put(id: string, contentType: string, data: Uint8Array): Promise<void> {
    // Locked to the end: two uploads are audited in the order they are stored.
    const before = await this.company(id, true);
    await this.access.assertWritable('update', SUBJECT, before, { logo: contentType });
    const type = TENANT_LOGO_TYPES.find((t) => t === contentType);
    if (!type || !SIGNATURES[type](data))
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        `The file is not a ${contentType.replace('image/', '').toUpperCase()} image`,
      );
    if (data.length > TENANT_LOGO_MAX_BYTES)
      throw new DomainError(ErrorCode.PayloadTooLarge, 'A logo is at most 512 KB');
    const old = before.hasLogo ? await this.directory.logoOf(id) : null;
    await this.tenants.setLogo(id, {
      contentType: type,
      data: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    });
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before: { logo: old ? logoNote(old.contentType, old.data.length) : null },
      after: { logo: logoNote(type, data.length) },
    });
  }

  async remove(id: string): Promise<void> {
    const before = await this.company(id, true);
    await this.access.assertWritable('update', SUBJECT, before, { logo: null });
    const old = before.hasLogo ? await this.directory.logoOf(id) : null;
    if (!old) throw DomainError.notFound('Logo');
    await this.tenants.setLogo(id, null);
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before: { logo: logoNote(old.contentType, old.data.length) },
      after: { logo: null },
    });
  }
}

/** What the audit log keeps of a logo: its type and size, not its bytes. */
const logoNote = (contentType: string, byteSize: number) => ({ contentType, byteSize });
