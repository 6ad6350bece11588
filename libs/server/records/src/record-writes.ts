import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import { translateDeleteError, translateWriteError, type ConstraintMeaning } from '@nexo/db';
import { EventOutbox, type PendingEvent } from '@nexo/events';
import { PermissionService } from '@nexo/permissions';
import { DomainError, stale } from '@nexo/platform';
import { auditSnapshot, type Masked } from './masked.js';

/** A record a write helper handles: its id, and its tenant's when it is a table row. */
export type RecordShape = { id: string; tenantId?: string };

/** What every write of one resource names. */
interface WriteOf {
  /** The permission subject (`catalog.unit`): write rules, field masks and the audit resource. */
  subject: string;
}

/** Constraint name → meaning, for this write (before the ones declared with `defineConstraints`). */
export type Constraints = Record<string, ConstraintMeaning>;

export interface CreateSpec<Row extends RecordShape> extends WriteOf {
  /** The fields the request sets, checked against the role's write rules before the insert. */
  input: Record<string, unknown>;
  /** Inserts (and checks what only the database can) and returns the new record. */
  insert: () => Promise<Row>;
  constraints?: Constraints;
  /** The outbox event announcing it, published in the same transaction. */
  event?: (after: Row) => PendingEvent;
}

export interface UpdateSpec<Row extends RecordShape> extends WriteOf {
  /** The record's name in a 404 (`Unit` → "Unit not found"). */
  name: string;
  /** The changes, checked against the role's write rules on the record as read. */
  input: Record<string, unknown>;
  /** The record as it is now; undefined when there is none (404). */
  load: () => Promise<Row | undefined>;
  /**
   * Checks the rules that need the record and writes at the version the caller read: the
   * record as it now is, or undefined when it changed in the meantime (412).
   */
  write: (before: Row) => Promise<Row | undefined>;
  constraints?: Constraints;
  event?: (before: Row, after: Row) => PendingEvent;
}

export interface RemoveSpec<Row extends RecordShape> extends WriteOf {
  /** The record's name in a 404 (`Unit`) and, lower-cased, in a 409 ("The unit is still in use"). */
  name: string;
  load: () => Promise<Row | undefined>;
  /** Deletes at the version the caller read: false when it changed in the meantime (412). */
  remove: (before: Row) => Promise<boolean>;
  event?: (before: Row) => PendingEvent;
}

/**
 * The write recipe every context follows, written once: load the record (404), check the
 * role may write it and every field the request sets (403), write it at the version the
 * caller read with constraint violations as the domain errors they mean (409, 422), 412
 * when it changed meanwhile, audit it before and after, announce it in the outbox, and
 * answer with what the caller may read of it (`Masked`). All on the request's transaction,
 * for the request's principal.
 */
@Injectable()
export class RecordWrites {
  constructor(
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  /**
   * How records of `subject` are shown to the caller (`<Resource>View`): the fields it may
   * read, without the tenant id, with the id. One function for a whole page.
   */
  async viewer<Row extends RecordShape>(subject: string): Promise<(row: Row) => Masked<Row>> {
    const viewer = await this.permissions.viewer<Row & { tenantId: string }>(subject);
    return (row) => viewer(row as Row & { tenantId: string });
  }

  /** What the caller may read of one record of `subject`. */
  async view<Row extends RecordShape>(subject: string, row: Row): Promise<Masked<Row>> {
    return (await this.viewer<Row>(subject))(row);
  }

  async create<Row extends RecordShape>(spec: CreateSpec<Row>): Promise<Masked<Row>> {
    await this.permissions.assertWritable('create', spec.subject, undefined, spec.input);
    const after = await spec
      .insert()
      .catch((error: unknown) => translateWriteError(error, spec.constraints));
    await this.audit.record({
      action: 'create',
      resource: spec.subject,
      resourceId: after.id,
      after: auditSnapshot(after),
    });
    if (spec.event) await this.outbox.publish(spec.event(after));
    return this.view(spec.subject, after);
  }

  async update<Row extends RecordShape>(spec: UpdateSpec<Row>): Promise<Masked<Row>> {
    const before = await spec.load();
    if (!before) throw DomainError.notFound(spec.name);
    await this.permissions.assertWritable('update', spec.subject, before, spec.input);
    const after = await spec
      .write(before)
      .catch((error: unknown) => translateWriteError(error, spec.constraints));
    if (!after) throw stale();
    await this.audit.record({
      action: 'update',
      resource: spec.subject,
      resourceId: before.id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    if (spec.event) await this.outbox.publish(spec.event(before, after));
    return this.view(spec.subject, after);
  }

  async remove<Row extends RecordShape>(spec: RemoveSpec<Row>): Promise<void> {
    const before = await spec.load();
    if (!before) throw DomainError.notFound(spec.name);
    await this.permissions.assertWritable('delete', spec.subject, before, {});
    const removed = await spec
      .remove(before)
      .catch((error: unknown) => translateDeleteError(error, `The ${spec.name.toLowerCase()}`));
    if (!removed) throw stale();
    await this.audit.record({
      action: 'delete',
      resource: spec.subject,
      resourceId: before.id,
      before: auditSnapshot(before),
    });
    if (spec.event) await this.outbox.publish(spec.event(before));
  }
}
