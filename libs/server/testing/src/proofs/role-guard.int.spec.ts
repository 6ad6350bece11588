import { Database, UnsafeDatabaseRoleError, assertRoleCannotBypassRls } from '@nexo/db';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminClient, useTestDatabase } from '../test-database.js';

describe('the boot check on the database role', () => {
  const db = useTestDatabase();

  it('accepts the app role', async () => {
    await expect(assertRoleCannotBypassRls(db.current.database.pool)).resolves.toBeUndefined();
  });

  it('refuses a superuser', async () => {
    const superuser = new Database(db.current.adminUrl, { max: 1 });
    try {
      await expect(assertRoleCannotBypassRls(superuser.pool)).rejects.toThrow(/superuser/);
      await expect(assertRoleCannotBypassRls(superuser.pool)).rejects.toBeInstanceOf(
        UnsafeDatabaseRoleError,
      );
    } finally {
      await superuser.close();
    }
  });

  it('refuses a role with BYPASSRLS, and one that owns a table', async () => {
    const name = `bypass_${randomBytes(4).toString('hex')}`;
    const owner = `owner_${randomBytes(4).toString('hex')}`;
    const admin = await adminClient(db.current);
    await admin.query(`create role ${name} login bypassrls password 'pw-${name}'`);
    await admin.query(`create role ${owner} login password 'pw-${owner}'`);
    await admin.query(`create schema ${owner} authorization ${owner}`);
    await admin.query(`create table ${owner}.mine (id int) `);
    await admin.query(`alter table ${owner}.mine owner to ${owner}`);
    const url = (role: string): string => {
      const u = new URL(db.current.adminUrl);
      u.username = role;
      u.password = `pw-${role}`;
      return u.toString();
    };
    const bypass = new Database(url(name), { max: 1 });
    const owning = new Database(url(owner), { max: 1 });
    try {
      await expect(assertRoleCannotBypassRls(bypass.pool)).rejects.toThrow(/BYPASSRLS/);
      await expect(assertRoleCannotBypassRls(owning.pool)).rejects.toThrow(/owns 1 table/);
    } finally {
      await bypass.close();
      await owning.close();
      await admin.query(`drop schema ${owner} cascade`);
      await admin.query(`drop role ${name}`);
      await admin.query(`drop owned by ${owner}`);
      await admin.query(`drop role ${owner}`);
      await admin.end();
    }
  });
});
