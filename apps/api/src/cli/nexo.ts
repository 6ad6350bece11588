#!/usr/bin/env node
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, DomainError } from '@nexo/platform';
import {
  accountsVerifyChainCommand,
  commandEnv,
  migrateCommand,
  seedDemoCommand,
  tenantCreateCommand,
  keysRotateCommand,
  userCreateAdminCommand,
  userDisableCommand,
} from './commands.js';
import { startCommand } from './start.js';

const USAGE = `nexo <command> [options]

Commands:
  start                      migrate, seed the demo company on the first run, serve the API
  migrate                    apply pending migrations (under an advisory lock)
  seed:demo                  create the demo company if it is not there
  tenant:create              --slug acme --name "ACME S.A." [--tax-id …] [--country AR] [--currency ARS] [--locale es]
                             [--tax-condition responsable_inscripto]; the country's pack gives its taxes
  keys:rotate                make a new token signing key (old ones verify until expiry)
  user:disable               --email a@b.c: disable a user everywhere, at once
  user:create-admin          --tenant <id> --email a@b.c --name "…" [--password …] (or NEXO_ADMIN_PASSWORD)
  accounts:verify-chain      --tenant <id>: recompute the company's chain of posted entries; exit 1 where it breaks

Configuration comes from the environment: see the README.`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      'legal-name': { type: 'string' },
      'tax-id': { type: 'string' },
      'tax-condition': { type: 'string' },
      country: { type: 'string' },
      currency: { type: 'string' },
      locale: { type: 'string' },
      tenant: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (!command || values.help) {
    console.log(USAGE);
    return;
  }
  const env = commandEnv();
  const args = values as Record<string, string | undefined>;
  switch (command) {
    case 'start':
      return startCommand(env);
    case 'migrate':
      return migrateCommand(env);
    case 'seed:demo':
      return seedDemoCommand(env);
    case 'tenant:create':
      return tenantCreateCommand(env, args);
    case 'keys:rotate':
      return keysRotateCommand(env);
    case 'user:disable':
      return userDisableCommand(env, args);
    case 'user:create-admin':
      return userCreateAdminCommand(env, args);
    case 'accounts:verify-chain':
      return accountsVerifyChainCommand(env, args);
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof DomainError) {
    const issues = error.details.issues ?? [];
    console.error([error.message, ...issues.map((i) => `  - ${i.path}: ${i.message}`)].join('\n'));
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
