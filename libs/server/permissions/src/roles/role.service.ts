import { AuditLog } from '@nexo/audit';
import { subject as asSubject } from '@casl/ability';
import { Inject, Injectable } from '@nestjs/common';
import { MembershipRoles, assertRoleKeys, type RoleKeys } from '@nexo/auth';
import {
  ErrorCode,
  type CreateRoleInput,
  type ExplainInput,
  type Rule,
  type UpdateRoleInput,
} from '@nexo/contracts';
import { translateWriteError } from '@nexo/db';
import { DomainError, stale, type Principal } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { buildAbility, type SourcedRule } from '../engine/ability.factory.js';
import { PermissionService } from '../engine/permission.service.js';
import { toSnake } from '../engine/field-mask.js';
import { SYSTEM_ROLES, isSystemRole } from '../rules/system-roles.js';
import { RoleRepository, type RoleRow } from './role.repository.js';

export interface RoleView {
  key: string;
  name: string;
  description: string | null;
  system: boolean;
  rules: Rule[];
  version: number;
}

export interface Explanation {
  allowed: boolean;
  /** The rule that decided, and its role; null when no rule applied (denied by default). */
  decidedBy: { role: string; rule: Rule } | null;
}

const view = (row: RoleRow): RoleView => ({
  key: row.key,
  name: row.name,
  description: row.description,
  system: false,
  rules: row.rules as Rule[],
  version: row.version,
});

/** Roles administration: a tenant's own roles, assignment, effective rules and `explain`. */
@Injectable()
export class RoleService implements RoleKeys {
  constructor(
    @Inject(MembershipRoles) private readonly holders: MembershipRoles,
    @Inject(RoleRepository) private readonly roles: RoleRepository,
    @Inject(PermissionService) private readonly permissions: PermissionService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async list(principal: Principal): Promise<RoleView[]> {
    const system = Object.keys(SYSTEM_ROLES).map((key) => this.systemView(key));
    return [...system, ...(await this.roles.list(principal.tenantId)).map(view)];
  }

  async create(principal: Principal, input: CreateRoleInput): Promise<RoleView> {
    if (isSystemRole(input.key)) throw DomainError.conflict(`"${input.key}" is a system role`);
    this.assertCompilable(input.rules, principal);
    try {
      const row = await this.roles.insert({
        tenantId: principal.tenantId,
        id: newId(),
        key: input.key,
        name: input.name,
        description: input.description ?? null,
        rules: input.rules,
      });
      await this.audit.record({
        action: 'create',
        resource: 'permissions.role',
        resourceId: row.key,
        after: view(row) as unknown as Record<string, unknown>,
      });
      return view(row);
    } catch (error) {
      translateWriteError(error, {
        roles_tenant_key_key: {
          kind: 'taken',
          field: 'key',
          message: `A role "${input.key}" already exists`,
        },
      });
    }
  }

  async get(principal: Principal, key: string): Promise<RoleView> {
    if (isSystemRole(key)) return this.systemView(key);
    const row = await this.roles.byKey(principal.tenantId, key);
    if (!row) throw DomainError.notFound('Role');
    return view(row);
  }

  async update(
    principal: Principal,
    key: string,
    version: number,
    input: UpdateRoleInput,
  ): Promise<RoleView> {
    if (isSystemRole(key))
      throw new DomainError(ErrorCode.Forbidden, 'System roles cannot be changed');
    if (input.rules) this.assertCompilable(input.rules, principal);
    const before = await this.roles.byKey(principal.tenantId, key);
    const row = await this.roles.update(principal.tenantId, key, version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.rules !== undefined ? { rules: input.rules } : {}),
    });
    if (!row) throw await this.missingOrStale(principal, key);
    await this.audit.record({
      action: 'update',
      resource: 'permissions.role',
      resourceId: key,
      before: before ? (view(before) as unknown as Record<string, unknown>) : undefined,
      after: view(row) as unknown as Record<string, unknown>,
    });
    return view(row);
  }

  async remove(principal: Principal, key: string, version: number): Promise<void> {
    if (isSystemRole(key))
      throw new DomainError(ErrorCode.Forbidden, 'System roles cannot be deleted');
    // Who holds a role is auth's: members and API clients.
    const members = await this.holders.membersHolding(principal.tenantId, key);
    if (members > 0)
      throw DomainError.conflict(`The role is assigned to ${members} member(s); unassign it first`);
    const clients = await this.holders.activeClientsHolding(principal.tenantId, key);
    if (clients > 0)
      throw DomainError.conflict(
        `The role is granted to ${clients} API client(s); disable them first`,
      );
    if (!(await this.roles.remove(principal.tenantId, key, version)))
      throw await this.missingOrStale(principal, key);
    await this.audit.record({ action: 'delete', resource: 'permissions.role', resourceId: key });
  }

  /** The keys that name neither a system role nor one of the company's roles (`RoleKeys`). */
  async unknownKeys(tenantId: string, keys: readonly string[]): Promise<string[]> {
    const custom = keys.filter((k) => !isSystemRole(k));
    const found = await this.roles.byKeys(tenantId, custom);
    return custom.filter((k) => !found.some((r) => r.key === k));
  }

  /** Sets a member's roles; every key must exist. Effective on the member's next request. */
  async assign(
    principal: Principal,
    membershipId: string,
    keys: string[],
  ): Promise<{ membershipId: string; roles: string[] }> {
    const unique = [...new Set(keys)];
    await assertRoleKeys(this, principal.tenantId, unique);
    // The membership is auth's: it stores the roles, this context checks them.
    const row = await this.holders.assign(principal.tenantId, membershipId, unique);
    if (!row) throw DomainError.notFound('Member');
    await this.audit.record({
      action: 'assign-roles',
      resource: 'auth.member',
      resourceId: row.id,
      after: { roles: row.roles },
    });
    return { membershipId: row.id, roles: row.roles };
  }

  async effective(
    principal: Principal,
    membershipId: string,
  ): Promise<{ roles: string[]; rules: SourcedRule[] }> {
    const member = await this.member(principal, membershipId);
    return {
      roles: member.roles,
      rules: await this.permissions.rulesFor(principal.tenantId, member.roles),
    };
  }

  /** Would this member be allowed, and which rule decides? */
  async explain(principal: Principal, input: ExplainInput): Promise<Explanation> {
    const member = await this.member(principal, input.membershipId);
    const ability = buildAbility(
      await this.permissions.rulesFor(principal.tenantId, member.roles),
      {
        userId: member.userId,
        tenantId: principal.tenantId,
        actor: member.actor as Principal['actor'],
        membershipId: member.id,
        ...(member.partyId ? { partyId: member.partyId } : {}),
        roles: member.roles,
        issuedAt: 0,
      },
    );
    const target = input.record
      ? asSubject(
          input.subject,
          Object.fromEntries(Object.entries(input.record).map(([k, v]) => [toSnake(k), v])),
        )
      : input.subject;
    const rule = ability.relevantRuleFor(input.action, target, input.field);
    const allowed = ability.can(input.action, target, input.field);
    if (!rule) return { allowed, decidedBy: null };
    const { action, subject, conditions, fields, inverted, reason } = rule.origin as SourcedRule & {
      reason?: string;
    };
    return {
      allowed,
      decidedBy: {
        role: reason ?? 'unknown',
        rule: {
          action,
          subject,
          ...(conditions ? { conditions } : {}),
          ...(fields ? { fields } : {}),
          ...(inverted ? { inverted } : {}),
        },
      },
    };
  }

  private async missingOrStale(principal: Principal, key: string): Promise<DomainError> {
    return (await this.roles.byKey(principal.tenantId, key))
      ? stale()
      : DomainError.notFound('Role');
  }

  private systemView(key: string): RoleView {
    const role = SYSTEM_ROLES[key];
    return {
      key,
      name: role?.name ?? key,
      description: null,
      system: true,
      rules: role?.rules ?? [],
      version: 1,
    };
  }

  private async member(principal: Principal, membershipId: string) {
    const member = await this.holders.member(principal.tenantId, membershipId);
    if (!member) throw DomainError.notFound('Member');
    return member;
  }

  /** A rule CASL cannot parse is refused now, not at someone's next request. */
  private assertCompilable(rules: Rule[], principal: Principal): void {
    try {
      const ability = buildAbility(
        rules.map((r) => ({ ...r, role: 'check' })),
        principal,
      );
      // CASL parses conditions lazily, on first use: make it parse them now.
      for (const rule of ability.rules) {
        for (const action of [rule.action].flat()) {
          for (const subject of [rule.subject ?? 'all'].flat()) {
            ability.rulesFor(action, String(subject)).forEach((r) => r.matchesConditions({}));
          }
        }
      }
    } catch (error) {
      throw DomainError.validation([
        { path: 'rules', code: 'invalid_rule', message: (error as Error).message },
      ]);
    }
  }
}
