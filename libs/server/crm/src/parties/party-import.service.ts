import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLog } from '@nexo/audit';
import {
  CreatePartyInputSchema,
  ImportPartiesInputSchema,
  type CreatePartyInput,
  type CustomField,
  type ImportResult,
} from '@nexo/contracts';
import { CustomFields } from '@nexo/custom-fields';
import { constraintError } from '@nexo/db';
import { JobHandlers, Jobs, PermanentJobError, defineJob, type JobContext } from '@nexo/jobs';
import { PermissionService } from '@nexo/permissions';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { CRM_REFERENCES } from '../db/crm.constraints.js';
import { TeamRepository } from '../teams/team.repository.js';
import { PARTY_CSV_COLUMNS } from './party.list.js';
import { PartyService } from './party.service.js';

export const ImportPartiesJob = defineJob('crm.parties.import', ImportPartiesInputSchema, {
  // The same file fails the same way: no retry.
  retryLimit: 0,
});

type Issue = ImportResult['issues'][number];
const IMPORTABLE = PARTY_CSV_COLUMNS.filter((c) => !['id', 'status', 'ownerId'].includes(c));
const BOOLEAN_COLUMNS = new Set(['isCustomer', 'isSupplier', 'isProfessional']);
const TRUE = new Set(['true', '1', 'sí', 'si', 'yes', 'x']);
const FALSE = new Set(['false', '0', 'no', '']);

/**
 * CSV import of parties, as a job: each row is checked like a `POST` (contract, tax id,
 * custom fields, permissions) and every problem is reported by line and column. All or
 * nothing (nothing is written if any row is wrong) or the valid rows only, as asked.
 */
@Injectable()
export class PartyImportService implements OnModuleInit {
  constructor(
    @Inject(Jobs) private readonly jobs: Jobs,
    @Inject(JobHandlers) private readonly handlers: JobHandlers,
    @Inject(PartyService) private readonly parties: PartyService,
    @Inject(CustomFields) private readonly customFields: CustomFields,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(TeamRepository) private readonly teams: TeamRepository,
  ) {}

  onModuleInit(): void {
    this.handlers.handle(ImportPartiesJob, (payload, ctx) => this.run(payload, ctx));
  }

  /** The request: checks the caller may create parties, enqueues, answers the job id. */
  async start(input: z.infer<typeof ImportPartiesInputSchema>): Promise<{ jobId: string }> {
    await this.permissions.assertWritable('create', 'crm.party', undefined, {});
    const jobId = await this.jobs.enqueue(ImportPartiesJob, input);
    if (!jobId) throw DomainError.conflict('The same import is already queued');
    return { jobId };
  }

  async run(
    input: z.infer<typeof ImportPartiesInputSchema>,
    ctx: Pick<JobContext, 'progress'>,
  ): Promise<ImportResult> {
    let records: { record: Record<string, string>; info: { lines: number } }[];
    try {
      records = parse(input.csv, {
        columns: true,
        bom: true,
        trim: true,
        skip_empty_lines: true,
        info: true,
      });
    } catch (error) {
      throw new PermanentJobError(
        `The file is not valid CSV: ${(error as Error).message}`,
        'invalid_csv',
      );
    }
    const definitions = (await this.customFields.list('crm.party')).filter((d) => !d.archived);
    const header = Object.keys(records[0]?.record ?? {});
    const unknown = header.filter(
      (h) =>
        !(IMPORTABLE as readonly string[]).includes(h) &&
        !['id', 'status', 'ownerId'].includes(h) &&
        !definitions.some((d) => `custom.${d.key}` === h),
    );
    if (unknown.length)
      return this.result(
        input.mode,
        records.length,
        0,
        unknown.map((column) => ({
          line: 1,
          column,
          code: 'unknown_column',
          message: `Columns: ${[...IMPORTABLE, ...definitions.map((d) => `custom.${d.key}`)].join(', ')}`,
        })),
      );

    const issues: Issue[] = [];
    const valid: { line: number; input: CreatePartyInput }[] = [];
    // A `teamId` must be one of the company's teams (parties_team_fk): a row issue, so that
    // "valid only" still imports the other rows.
    const teamIds = await this.teams.ids(currentPrincipal().tenantId);
    for (const { record, info } of records) {
      const line = info.lines;
      const rowIssues: Issue[] = [];
      const parsed = CreatePartyInputSchema.safeParse(
        this.toInput(record, definitions, line, rowIssues),
      );
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          rowIssues.push({
            line,
            column: issue.path.map(String).join('.') || 'name',
            code: issue.code,
            message: issue.message,
          });
      } else {
        if (parsed.data.teamId && !teamIds.has(parsed.data.teamId))
          rowIssues.push({ line, column: 'teamId', code: 'not_found', message: 'No such team' });
        try {
          await this.customFields.validate('crm.party', parsed.data.custom);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          for (const issue of error.details.issues ?? [])
            rowIssues.push({ line, column: issue.path, code: issue.code, message: issue.message });
        }
      }
      if (rowIssues.length) issues.push(...rowIssues);
      else if (parsed.success) valid.push({ line, input: parsed.data });
    }
    const rejected = records.length - valid.length;
    if (input.mode === 'all-or-nothing' && issues.length)
      return this.result(input.mode, records.length, 0, issues);

    let imported = 0;
    for (const row of valid) {
      try {
        await this.parties.create(row.input);
      } catch (caught) {
        // A rule the checks above cannot know (a permission on a field, a `teamId` that is no
        // team of the company): the whole job stops and its transaction rolls back, so "valid
        // only" never leaves half a row.
        const error = constraintError(caught, CRM_REFERENCES) ?? caught;
        if (error instanceof DomainError) {
          const issue = error.details.issues?.[0];
          const what = issue ? `${issue.path}: ${issue.message}` : error.message;
          throw new PermanentJobError(`Line ${row.line}: ${what}`, error.code);
        }
        throw error;
      }
      imported++;
      if (imported % 25 === 0 || imported === valid.length)
        await ctx.progress({
          done: imported,
          total: valid.length,
          message: `${imported} / ${valid.length}`,
        });
    }
    await this.audit.record({
      action: 'import',
      resource: 'crm.party',
      resourceId: 'csv',
      after: { mode: input.mode, rows: records.length, imported, rejected },
    });
    return this.result(input.mode, records.length, imported, issues);
  }

  private result(
    mode: ImportResult['mode'],
    rows: number,
    imported: number,
    issues: Issue[],
  ): ImportResult {
    const rejectedLines = new Set(issues.map((i) => i.line));
    return {
      mode,
      rows,
      imported,
      rejected: imported ? rejectedLines.size : rows,
      issues: issues.slice(0, 1000),
    };
  }

  /** A CSV row as the create contract's input: types from text, blanks left out. */
  private toInput(
    record: Record<string, string>,
    definitions: CustomField[],
    line: number,
    issues: Issue[],
  ): Record<string, unknown> {
    const input: Record<string, unknown> = {};
    const custom: Record<string, unknown> = {};
    for (const [column, raw] of Object.entries(record)) {
      const value = raw.trim();
      if (['id', 'status', 'ownerId'].includes(column)) continue;
      if (column.startsWith('custom.')) {
        const definition = definitions.find((d) => `custom.${d.key}` === column);
        if (!definition || value === '') continue;
        custom[definition.key] =
          definition.type === 'number'
            ? Number(value.replace(',', '.'))
            : definition.type === 'boolean'
              ? TRUE.has(value.toLowerCase())
              : value;
        continue;
      }
      if (BOOLEAN_COLUMNS.has(column)) {
        const lower = value.toLowerCase();
        if (!TRUE.has(lower) && !FALSE.has(lower))
          issues.push({ line, column, code: 'invalid_boolean', message: 'sí/no, true/false, 1/0' });
        input[column] = TRUE.has(lower);
        continue;
      }
      if (value === '') continue;
      if (column === 'tags')
        input.tags = value
          .split('|')
          .map((t) => t.trim())
          .filter(Boolean);
      else if (column === 'paymentTermsDays') input.paymentTermsDays = Number(value);
      else if (column === 'teamId' || column === 'creditLimit')
        input[column] = value.replace(',', '.');
      else input[column] = value;
    }
    if (Object.keys(custom).length) input.custom = custom;
    return input;
  }
}
