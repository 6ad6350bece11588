import { Ledger } from '@nexo/accounts';
import { requestContext } from '@nexo/platform';
import { adminClient, useTestDatabase } from '@nexo/testing';
import { newId } from '@nexo/utils';
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli } from './helpers/cli.js';
import { useTestApp } from './helpers/test-app.js';

/** The admin commands, against a server given by DATABASE_URL. */
describe('nexo CLI commands', () => {
  const db = useTestDatabase();
  // For what no command does: posting entries to a company's books.
  const t = useTestApp(db);
  const env = (): NodeJS.ProcessEnv =>
    cliEnv({ DATABASE_URL: db.current.adminUrl, NEXO_DB_APP_PASSWORD: db.current.appPassword });

  it('migrate is a no-op on an up-to-date database', async () => {
    const result = await runCli(['migrate'], env());
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('Migrations are up to date.');
  });

  it('creates a company and its administrator', async () => {
    const created = await runCli(
      [
        'tenant:create',
        '--slug',
        'ferreteria-sol',
        '--name',
        'Ferretería Sol',
        '--tax-id',
        '30-71234567-1',
      ],
      env(),
    );
    expect(created.code).toBe(0);
    const tenantId = /with id ([0-9a-f-]{36})/.exec(created.stdout)?.[1];
    expect(tenantId).toBeDefined();

    const admin = await runCli(
      [
        'user:create-admin',
        '--tenant',
        tenantId ?? '',
        '--email',
        'Dueña@Ferreteria.test',
        '--name',
        'Dueña',
        '--password',
        'una clave bien larga',
      ],
      env(),
    );
    expect(admin.stderr).toBe('');
    expect(admin.code).toBe(0);
    expect(admin.stdout).toContain('Created user');

    const client = await adminClient(db.current);
    const { rows } = await client.query(
      `select t.name, u.email, m.actor, m.roles from auth.memberships m
         join auth.users u on u.id = m.user_id join tenancy.tenants t on t.id = m.tenant_id where t.id = $1`,
      [tenantId],
    );
    // The company starts with its country's pack (Argentina by default).
    const { rows: taxes } = await client.query<{ code: string }>(
      'select code from catalog.tax_rates where tenant_id = $1 order by code',
      [tenantId],
    );
    await client.end();
    expect(taxes.map((r) => r.code)).toEqual([
      'exento',
      'iibb_percepcion',
      'iva0',
      'iva105',
      'iva21',
      'iva27',
      'no_gravado',
    ]);
    expect(rows).toEqual([
      {
        name: 'Ferretería Sol',
        email: 'Dueña@Ferreteria.test',
        actor: 'employee',
        roles: ['owner', 'admin'],
      },
    ]);
  });

  it('rotates the signing key and disables a user', async () => {
    const before = await adminClient(db.current);
    const { rows: keysBefore } = await before.query<{ n: number }>(
      'select count(*)::int as n from auth.signing_keys where retired_at is null',
    );
    await before.end();
    const rotated = await runCli(['keys:rotate'], env());
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    const created = await runCli(
      ['tenant:create', '--slug', 'bloqueo-sa', '--name', 'Bloqueo'],
      env(),
    );
    const tenantId = /with id ([0-9a-f-]{36})/.exec(created.stdout)?.[1] ?? '';
    await runCli(
      [
        'user:create-admin',
        '--tenant',
        tenantId,
        '--email',
        'baja@bloqueo.test',
        '--name',
        'Baja',
        '--password',
        'una clave bien larga',
      ],
      env(),
    );
    const disabled = await runCli(['user:disable', '--email', 'BAJA@bloqueo.test'], env());
    expect(disabled.code).toBe(0);
    const after = await adminClient(db.current);
    const { rows } = await after.query(
      `select (select count(*)::int from auth.signing_keys where retired_at is null) as active,
              (select count(*)::int from auth.signing_keys where retired_at is not null) as retired,
              (select status from auth.users where email = 'baja@bloqueo.test') as status`,
    );
    await after.end();
    expect(rows[0]).toMatchObject({ active: 1, status: 'disabled' });
    expect(rows[0].retired).toBeGreaterThanOrEqual(keysBefore[0]?.n ?? 0);
    expect((await runCli(['user:disable', '--email', 'nadie@bloqueo.test'], env())).code).toBe(1);
  });

  it('verifies a company’s chain of entries and says where a superuser broke it', async () => {
    const created = await runCli(
      ['tenant:create', '--slug', 'libros-sa', '--name', 'Libros'],
      env(),
    );
    const tenantId = /with id ([0-9a-f-]{36})/.exec(created.stdout)?.[1] ?? '';
    const principal = {
      userId: newId(),
      tenantId,
      actor: 'employee' as const,
      membershipId: newId(),
      roles: ['owner'],
      issuedAt: 0,
    };
    // The company's books are open (tenant:create installs them): three cash sales.
    const day = new Date().toISOString().slice(0, 10);
    const posted = await requestContext.run({ requestId: newId(), principal }, () =>
      db.current.database.withContext({ tenantId }, async () => {
        const entries = [];
        for (const amount of ['100.00', '250.50', '75.25'])
          entries.push(
            await t.app.get(Ledger).post({
              journal: 'cash',
              date: day,
              description: 'Venta al contado',
              sourceType: 'test.cash_sale',
              sourceId: newId(),
              lines: [
                { purpose: 'cash', debit: amount },
                { purpose: 'sales', credit: amount },
              ],
            }),
          );
        return entries;
      }),
    );
    const valid = await runCli(['accounts:verify-chain', '--tenant', tenantId], env());
    expect(valid.stderr).toBe('');
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('Chain of 3 entries: valid\n');

    // A superuser rewrites the second entry's amounts behind the guards' back.
    const client = await adminClient(db.current);
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query(
      `update accounts.entry_lines set debit = case when debit > 0 then 999 else 0 end,
              credit = case when credit > 0 then 999 else 0 end
        where tenant_id = $1 and entry_id = $2`,
      [tenantId, posted[1]?.id],
    );
    await client.query('commit');
    await client.end();
    const broken = await runCli(['accounts:verify-chain', '--tenant', tenantId], env());
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      `Chain breaks at place 2 (entry ${posted[1]?.number ?? ''}): content\n`,
    );
    const unknown = await runCli(
      ['accounts:verify-chain', '--tenant', '00000000-0000-7000-8000-000000000000'],
      env(),
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No company');
    const help = await runCli(['--help'], env());
    expect(help.stdout).toContain('accounts:verify-chain');
    // Five runs of the CLI, each booting the app.
  }, 90_000);

  it('explains bad input and changes nothing', async () => {
    const bad = await runCli(['tenant:create', '--slug', 'No Spaces!', '--name', ''], env());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('slug');
    expect(bad.stderr).toContain('name');

    await runCli(['tenant:create', '--slug', 'dup-co', '--name', 'Dup'], env());
    const dup = await runCli(['tenant:create', '--slug', 'dup-co', '--name', 'Dup again'], env());
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('already exists');

    const short = await runCli(
      [
        'user:create-admin',
        '--tenant',
        '00000000-0000-7000-8000-000000000000',
        '--email',
        'x@y.test',
        '--password',
        'short',
      ],
      env(),
    );
    expect(short.code).toBe(1);

    const client = await adminClient(db.current);
    const { rows } = await client.query(
      `select count(*)::int as n from tenancy.tenants where slug in ('No Spaces!', 'dup-co')`,
    );
    await client.end();
    expect(rows).toEqual([{ n: 1 }]);
  });
});
