import { describe, expect, it } from 'vitest';
import { CONTEXTS, SUBJECTS } from './contexts.js';
import { ErrorCode } from './errors/error-codes.js';
import type { Rule } from './permissions/permission.contracts.js';

const subjectsOf = (rule: Rule): string[] => [rule.subject].flat();
const owner = (subject: string) =>
  CONTEXTS.filter((c) => Object.hasOwn(c.subjects, subject)).map((c) => c.name);

describe('the contexts registry', () => {
  it('gives every subject exactly one owning context', () => {
    const declared = CONTEXTS.flatMap((c) => Object.keys(c.subjects));
    expect(declared.length).toBe(new Set(declared).size);
    for (const subject of declared) expect(subject).toMatch(/^[a-z-]+\.[a-z-]+$/);
  });

  it("guards each route with a declared subject (its own context's, or one it builds on)", () => {
    // Assigning roles is the permissions context's route on auth's members.
    const borrowed = new Set(['assignRoles']);
    const strays = CONTEXTS.flatMap((c) =>
      c.routes
        .filter((r) => r.access.kind === 'permission' && !borrowed.has(r.operationId))
        .filter((r) => {
          const { subject } = r.access as { subject: string };
          return !Object.hasOwn(c.subjects, subject);
        })
        .map((r) => `${c.name}: ${r.operationId} → ${(r.access as { subject: string }).subject}`),
    );
    expect(strays).toEqual([]);
  });

  it('grants and shows only subjects some context declares', () => {
    const known = new Set(['all', ...Object.keys(SUBJECTS)]);
    const unknown = CONTEXTS.flatMap((c) => [
      ...Object.values(c.roleRules ?? {})
        .flat()
        .flatMap(subjectsOf)
        .filter((s) => !known.has(s))
        .map((s) => `${c.name} rule: ${s}`),
      ...(c.nav?.entries ?? [])
        .filter((e) => !known.has(e.can[1]))
        .map((e) => `${c.name} nav: ${e.can[1]}`),
    ]);
    expect(unknown).toEqual([]);
    expect(owner('crm.party')).toEqual(['crm']);
  });

  it("keeps each context's error codes its own and apart from the platform's", () => {
    const codes = CONTEXTS.flatMap((c) => Object.keys(c.errors ?? {}));
    expect(codes.length).toBe(new Set(codes).size);
    const platform = new Set<string>(Object.values(ErrorCode));
    expect(codes.filter((code) => platform.has(code))).toEqual([]);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z_]+$/);
  });

  it('lets no two contexts bring the same message key', () => {
    const keys = CONTEXTS.flatMap((c) => Object.keys(c.messages ?? {}));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('names each context once', () => {
    const names = CONTEXTS.map((c) => c.name);
    expect(names.length).toBe(new Set(names).size);
  });
});
