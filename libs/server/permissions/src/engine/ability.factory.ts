import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import type { Rule } from '@nexo/contracts';
import type { Principal } from '@nexo/platform';

export type AppAbility = MongoAbility;

/** A rule together with the role it came from: `explain` names it. */
export interface SourcedRule extends Rule {
  role: string;
}

function interpolate(value: unknown, principal: Principal): unknown {
  if (value === '$user') return principal.userId;
  if (value === '$party') return principal.partyId ?? null;
  if (value === '$tenant') return principal.tenantId;
  if (value === '$teams') return principal.teams ?? [];
  if (Array.isArray(value)) return value.map((v) => interpolate(v, principal));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolate(v, principal)]),
    );
  }
  return value;
}

/**
 * Builds the CASL ability of a principal from their roles' rules. Placeholders in
 * conditions become the principal's own values; each rule keeps its role as `reason`.
 * Denies (inverted rules) go last, because in CASL later rules win.
 */
export function buildAbility(rules: SourcedRule[], principal: Principal): AppAbility {
  const ordered = [...rules.filter((r) => !r.inverted), ...rules.filter((r) => r.inverted)];
  const raw = ordered.map((r): RawRuleOf<AppAbility> => ({
    action: r.action,
    subject: r.subject,
    ...(r.conditions
      ? { conditions: interpolate(r.conditions, principal) as Record<string, unknown> }
      : {}),
    ...(r.fields ? { fields: r.fields } : {}),
    ...(r.inverted ? { inverted: true } : {}),
    reason: r.role,
  }));
  return createMongoAbility(raw);
}
