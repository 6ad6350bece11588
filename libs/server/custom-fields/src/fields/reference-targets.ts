import { Injectable } from '@nestjs/common';

/** Whether a record of the current company has this id (RLS scopes the read to it). */
export type ReferenceCheck = (id: string) => Promise<boolean>;

/**
 * The records a `reference` custom field may name, each registered by the context that owns
 * it (crm registers `crm.party`, catalog `catalog.item`): custom fields sit below those
 * contexts and do not read their tables. A context that is not mounted names nothing.
 */
@Injectable()
export class ReferenceTargets {
  private readonly checks = new Map<string, ReferenceCheck>();

  register(subject: string, exists: ReferenceCheck): void {
    this.checks.set(subject, exists);
  }

  /** The check for a target, or undefined when no mounted context offers it. */
  checkFor(subject: string): ReferenceCheck | undefined {
    return this.checks.get(subject);
  }
}
