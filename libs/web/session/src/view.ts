import { createMongoAbility, type MongoAbility } from '@casl/ability';
import type { components } from '@nexo/api-client';

type Rule = components['schemas']['Role']['rules'][number];

/** A rule as the portal uses it: to show or hide, never to enforce (the API does that). */
export interface ClientRule {
  action: string | string[];
  subject: string | string[];
  fields?: string[];
  inverted?: boolean;
}

/** The API's session plus the rules of the person's roles. */
export type SessionView = components['schemas']['SessionInfo'] & { rules: ClientRule[] };

/**
 * Rules for showing and hiding: conditions dropped (a rule that opens some records opens
 * the screen), and a deny with conditions dropped (it closes some records, not the screen).
 */
export function toClientRules(rules: readonly Rule[]): ClientRule[] {
  return rules
    .filter((r) => !(r.inverted && r.conditions && Object.keys(r.conditions).length))
    .map((r) => ({
      action: r.action,
      subject: r.subject,
      ...(r.fields ? { fields: r.fields } : {}),
      ...(r.inverted ? { inverted: true } : {}),
    }));
}

export type PortalAbility = MongoAbility<[string, string]>;

export function abilityFor(rules: readonly ClientRule[]): PortalAbility {
  return createMongoAbility<[string, string]>(rules as ClientRule[]);
}
