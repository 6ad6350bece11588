import type { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { zodIssues } from '../errors/problem.mapper.js';

/** Validates a body, query or param against its zod contract; field issues on failure. */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const result = this.schema.safeParse(value);
    if (!result.success) throw DomainError.validation(zodIssues(result.error));
    return result.data;
  }
}
