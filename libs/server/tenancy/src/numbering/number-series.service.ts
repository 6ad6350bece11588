import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import type { CreateNumberSeriesInput, UpdateNumberSeriesInput } from '@nexo/contracts';
import { formatNumber, translateWriteError } from '@nexo/db';
import { DomainError, currentPrincipal, stale } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { NumberSeriesRepository, type NumberSeriesRow } from './number-series.repository.js';

const SUBJECT = 'tenancy.number-series';

export type NumberSeriesView = Omit<NumberSeriesRow, 'tenantId'> & { preview: string };

/**
 * A yearly series whose year is past restarts at 1 on its next document (`Numbering.next`):
 * what the next document will get, and so the lowest `next` that repeats no issued number.
 */
function upcoming(row: NumberSeriesRow, year: number): { next: number; year: number | null } {
  if (row.yearlyReset && row.year !== year) return { next: 1, year };
  return { next: row.next, year: row.yearlyReset ? year : null };
}

/** The company's document number series: list, start one, change one (never backwards). */
@Injectable()
export class NumberSeriesService {
  constructor(
    @Inject(NumberSeriesRepository) private readonly series: NumberSeriesRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  private view(row: NumberSeriesRow, year: number): NumberSeriesView {
    const { tenantId: _tenant, ...rest } = row;
    const next = upcoming(row, year);
    return {
      ...rest,
      ...next,
      preview: formatNumber(row.prefix, row.padding, next.next, next.year),
    };
  }

  async list(): Promise<NumberSeriesView[]> {
    const year = await this.series.currentYear();
    const rows = await this.series.list(currentPrincipal().tenantId);
    return rows.map((row) => this.view(row, year));
  }

  async create(input: CreateNumberSeriesInput): Promise<NumberSeriesView> {
    const tenantId = currentPrincipal().tenantId;
    const year = await this.series.currentYear();
    let row: NumberSeriesRow;
    try {
      row = await this.series.insert({
        tenantId,
        id: newId(),
        ...input,
        year: input.yearlyReset ? year : null,
      });
    } catch (error) {
      // The key is (tenant, document type, series).
      translateWriteError(error, {
        number_series_pkey: {
          kind: 'taken',
          field: 'series',
          message: `The series "${input.series}" of ${input.documentType} already exists`,
        },
      });
    }
    const { tenantId: _t, ...after } = row;
    await this.audit.record({ action: 'create', resource: SUBJECT, resourceId: row.id, after });
    return this.view(row, year);
  }

  async update(
    id: string,
    version: number,
    input: UpdateNumberSeriesInput,
  ): Promise<NumberSeriesView> {
    const tenantId = currentPrincipal().tenantId;
    const before = await this.series.lock(tenantId, id);
    if (!before) throw DomainError.notFound('Number series');
    if (before.version !== version) throw stale();
    const year = await this.series.currentYear();
    const changes: Partial<NumberSeriesRow> = { ...input };
    if (input.next !== undefined) {
      const lowest = upcoming(before, year).next;
      if (input.next < lowest)
        throw new DomainError(
          'number_already_issued',
          `Numbers up to ${lowest - 1} have been issued in this series: the next may not be lower than ${lowest}`,
          {
            issues: [
              { path: 'next', code: 'number_already_issued', message: `At least ${lowest}` },
            ],
          },
        );
      // The counter now belongs to this year: Numbering.next must not restart it at 1.
      if (input.yearlyReset ?? before.yearlyReset) changes.year = year;
    }
    const row = await this.series.update(tenantId, id, changes);
    const { tenantId: _b, ...was } = before;
    const { tenantId: _a, ...now } = row;
    await this.audit.record({
      action: 'update',
      resource: SUBJECT,
      resourceId: id,
      before: was,
      after: now,
    });
    return this.view(row, year);
  }
}
