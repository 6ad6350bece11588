import { CONTEXT_MODULE_NAMES, type ContextTestKit } from '@nexo/contracts';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Every context's test kit (`libs/server/<context>/src/testing/<context>.test-kit.ts`), found
 * by file name so that a new context adds its kit without editing a list here. Each context
 * module but tenancy (the base's, whose fixtures the tests write out) must have one.
 */
const SERVER_LIBS = path.resolve(import.meta.dirname, '../../../../libs/server');

async function loadKits(): Promise<ContextTestKit[]> {
  const files = readdirSync(SERVER_LIBS)
    .map((lib) => path.join(SERVER_LIBS, lib, 'src/testing', `${lib}.test-kit.ts`))
    .filter((file) => existsSync(file));
  const modules = await Promise.all(
    files.map((file) => import(pathToFileURL(file).href) as Promise<Record<string, unknown>>),
  );
  return modules.flatMap((module) =>
    Object.values(module).filter(
      (kit): kit is ContextTestKit =>
        typeof kit === 'object' && kit !== null && 'recordsOfB' in kit,
    ),
  );
}

export const CONTEXT_TEST_KITS: ContextTestKit[] = await loadKits();

/** The contexts that mount a module but declare no kit: the sweep and the matrix fail on them. */
export const contextsWithoutKit = (): string[] =>
  CONTEXT_MODULE_NAMES.filter(
    (name) => name !== 'tenancy' && !CONTEXT_TEST_KITS.some((kit) => kit.context === name),
  );

/** The grants every kit declares for a system role, as `action subject` pairs. */
export const kitGrants = (role: string): string[] =>
  CONTEXT_TEST_KITS.flatMap((kit) => [...(kit.grants[role] ?? [])]);
