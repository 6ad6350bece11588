import { adminClient, useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli } from './helpers/cli.js';

/** The admin commands, against a server given by DATABASE_URL. */
describe('nexo CLI commands', () => {
  const db = useTestDatabase();
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
