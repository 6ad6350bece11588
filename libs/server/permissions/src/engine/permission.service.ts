import { subject as asSubject } from '@casl/ability';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, RuleSchema, type Rule } from '@nexo/contracts';
import { DomainError, requestContext, type Principal } from '@nexo/platform';
import type { SQL } from 'drizzle-orm';
import { RoleRepository } from '../roles/role.repository.js';
import { SYSTEM_ROLES, isSystemRole } from '../rules/system-roles.js';
import { buildAbility, type AppAbility, type SourcedRule } from './ability.factory.js';
import { fieldsOfType, maskRecord, recordMasker, toSnake } from './field-mask.js';
import { accessibleWhere, type ColumnMap } from './sql-compiler.js';

/**
 * The one permission engine. Rules come from the principal's roles (system roles in code,
 * the tenant's own in the database, read in the request's transaction: a change applies
 * to the next request). Single records are checked in memory; lists get the same rules
 * compiled into SQL.
 */
/** Abilities kept across requests (system roles only), at most this many: oldest out first. */
const SYSTEM_ABILITIES_KEPT = 500;

@Injectable()
export class PermissionService {
  /** Per principal (one request), for the roles and teams it was built from. */
  private readonly abilities = new WeakMap<
    Principal,
    { roles: string[]; teams: string[] | undefined; ability: AppAbility }
  >();
  /**
   * Abilities of principals whose roles are all system roles, by everything they are built
   * from (tenant, user, party, roles, teams): those rules live in code, so the same inputs
   * give the same ability, and a change of roles or teams is a new key. Building one was
   * about 3 % of a get by id's CPU (ADR 0013). Tenant roles are read anew each request.
   */
  private readonly systemAbilities = new Map<string, AppAbility>();

  constructor(@Inject(RoleRepository) private readonly roles: RoleRepository) {}

  /** The rules of a set of role keys in a tenant, each tagged with its role. */
  async rulesFor(tenantId: string, roleKeys: string[]): Promise<SourcedRule[]> {
    const fromCode = roleKeys
      .filter(isSystemRole)
      .flatMap((key) => (SYSTEM_ROLES[key]?.rules ?? []).map((r) => ({ ...r, role: key })));
    const custom = await this.roles.byKeys(
      tenantId,
      roleKeys.filter((k) => !isSystemRole(k)),
    );
    const fromTenant = custom.flatMap((row) =>
      RuleSchema.array()
        .parse(row.rules)
        .map((r: Rule) => ({ ...r, role: row.key })),
    );
    return [...fromCode, ...fromTenant];
  }

  async abilityOf(principal: Principal): Promise<AppAbility> {
    const { roles, teams } = principal;
    const known = this.abilities.get(principal);
    // A request that runs again after its principal's roles changed has new role arrays.
    if (known?.roles === roles && known.teams === teams) return known.ability;
    const ability = roles.every(isSystemRole)
      ? await this.systemAbility(principal)
      : buildAbility(await this.rulesFor(principal.tenantId, roles), principal);
    this.abilities.set(principal, { roles, teams, ability });
    return ability;
  }

  private async systemAbility(principal: Principal): Promise<AppAbility> {
    const { tenantId, userId, partyId, roles, teams } = principal;
    const key = JSON.stringify([tenantId, userId, partyId ?? null, roles, teams ?? []]);
    const kept = this.systemAbilities.get(key);
    if (kept) return kept;
    const ability = buildAbility(await this.rulesFor(tenantId, roles), principal);
    if (this.systemAbilities.size >= SYSTEM_ABILITIES_KEPT) {
      const oldest = this.systemAbilities.keys().next().value;
      if (oldest !== undefined) this.systemAbilities.delete(oldest);
    }
    this.systemAbilities.set(key, ability);
    return ability;
  }

  /** The current request's ability. */
  async current(): Promise<AppAbility> {
    const principal = requestContext.get()?.principal;
    if (!principal) throw new DomainError(ErrorCode.Unauthenticated, 'Sign in first');
    return this.abilityOf(principal);
  }

  /** For a record fetched by id: not allowed reads as not found (no existence oracle). */
  async assertCan(action: string, type: string, record: Record<string, unknown>): Promise<void> {
    const ability = await this.current();
    const subject = asSubject(type, snakeKeys(record));
    if (!ability.can(action, subject)) throw refusal(ability, action, subject);
  }

  /**
   * For a write: the record must be in scope before and after the change, and every field
   * the body sets must be writable. A forbidden field is a 403 naming it.
   */
  async assertWritable(
    action: string,
    type: string,
    before: Record<string, unknown> | undefined,
    changes: Record<string, unknown>,
  ): Promise<void> {
    const ability = await this.current();
    if (before) {
      const subject = asSubject(type, snakeKeys(before));
      if (!ability.can(action, subject)) throw refusal(ability, action, subject);
    }
    const after = snakeKeys({ ...before, ...changes });
    for (const field of Object.keys(changes).map(toSnake)) {
      if (!ability.can(action, asSubject(type, after), field)) {
        throw new DomainError(ErrorCode.Forbidden, `You may not set the field "${field}"`, {
          issues: [{ path: field, code: 'forbidden_field', message: 'Not allowed for your role' }],
        });
      }
    }
    if (!ability.can(action, asSubject(type, after))) {
      throw new DomainError(
        ErrorCode.Forbidden,
        'The change would move the record out of what you may manage',
      );
    }
  }

  /** The list filter for `action` on `type`, for the Drizzle query's `where`. */
  async where(action: string, type: string, columns: ColumnMap): Promise<SQL> {
    return accessibleWhere(await this.current(), action, type, columns);
  }

  /** Of `fields`, those the principal may read on some record of `type`. */
  async readableFields(type: string, fields: readonly string[]): Promise<string[]> {
    return fieldsOfType(await this.current(), 'read', type, fields);
  }

  /**
   * How a tenant record of `type` is shown to the principal: without the tenant id (every
   * answer is about the caller's own tenant) and the fields it may not read, with its id.
   * One function for a whole page: the rules are looked up once, not per row.
   */
  async viewer<R extends { id: string; tenantId: string }>(
    type: string,
  ): Promise<(row: R) => Partial<Omit<R, 'tenantId'>> & { id: string }> {
    const mask = recordMasker(await this.current(), type);
    return (row) => {
      const { tenantId: _tenant, ...fields } = row;
      // `fields` is a fresh copy, so the common case (nothing masked) copies nothing more.
      return Object.assign(mask(fields), { id: row.id });
    };
  }

  /** A response object without the fields the principal may not read. */
  async mask<T extends Record<string, unknown>>(type: string, record: T): Promise<Partial<T>> {
    return maskRecord(await this.current(), type, record);
  }
}

const snakeKeys = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [toSnake(k), v]));

/**
 * Why a record-level check failed, as the rules mean it: a record the caller may not read is
 * not found (404: its existence is not revealed); one it may read but not act on is
 * forbidden (403: it can see the record, so it is told it may not do this).
 */
function refusal(ability: AppAbility, action: string, subject: object): DomainError {
  if (action === 'read' || !ability.can('read', subject as never)) return DomainError.notFound();
  return new DomainError(ErrorCode.Forbidden, `You may not ${action} this record`);
}
