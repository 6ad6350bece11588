import { subject } from '@casl/ability';
import type { Principal } from '@nexo/platform';
import { PgDialect, pgTable, text, uuid, numeric } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { buildAbility, type SourcedRule } from './ability.factory.js';
import { maskRecord, recordMasker } from './field-mask.js';
import { accessibleWhere, UncompilableRuleError } from './sql-compiler.js';

const me: Principal = {
  userId: '01936b2c-5a00-7000-8000-000000000001',
  tenantId: '01936b2c-5a00-7000-8000-0000000000aa',
  actor: 'employee',
  membershipId: '01936b2c-5a00-7000-8000-0000000000bb',
  roles: ['sales'],
  teams: ['t1', 't2'],
  issuedAt: 0,
};
const deals = pgTable('deals', {
  id: uuid('id'),
  ownerId: uuid('owner_id'),
  teamId: text('team_id'),
  status: text('status'),
  total: numeric('total'),
});
const columns = {
  id: deals.id,
  owner_id: deals.ownerId,
  team_id: deals.teamId,
  status: deals.status,
  total: deals.total,
};
const toSql = (s: ReturnType<typeof accessibleWhere>) => new PgDialect().sqlToQuery(s);

describe('permission engine', () => {
  it('fills placeholders with the principal and checks records in memory', () => {
    const ability = buildAbility(
      [{ action: 'read', subject: 'deal', conditions: { owner_id: '$user' }, role: 'sales' }],
      me,
    );
    expect(ability.can('read', subject('deal', { owner_id: me.userId }))).toBe(true);
    expect(ability.can('read', subject('deal', { owner_id: 'someone-else' }))).toBe(false);
    expect(ability.can('update', subject('deal', { owner_id: me.userId }))).toBe(false);
  });

  it('lets an explicit deny win over any grant, whatever the order rules arrive in', () => {
    const rules: SourcedRule[] = [
      {
        action: 'delete',
        subject: 'deal',
        inverted: true,
        conditions: { status: 'won' },
        role: 'guard',
      },
      { action: 'manage', subject: 'all', role: 'admin' },
    ];
    const ability = buildAbility(rules, me);
    expect(ability.can('delete', subject('deal', { status: 'won' }))).toBe(false);
    expect(ability.can('delete', subject('deal', { status: 'open' }))).toBe(true);
  });

  it('compiles the same rules to SQL for lists', () => {
    const ability = buildAbility(
      [
        { action: 'read', subject: 'deal', conditions: { owner_id: '$user' }, role: 'sales' },
        {
          action: 'read',
          subject: 'deal',
          conditions: { team_id: { $in: '$teams' }, status: { $in: ['draft'] } },
          role: 'sales',
        },
        {
          action: 'read',
          subject: 'deal',
          conditions: { total: { $gt: 10000 } },
          inverted: true,
          role: 'sales',
        },
      ],
      me,
    );
    const { sql, params } = toSql(accessibleWhere(ability, 'read', 'deal', columns));
    expect(sql).toContain('"deals"."owner_id" = $');
    expect(sql).toContain('"deals"."team_id" in (');
    expect(sql).toContain('not');
    expect(params).toEqual(expect.arrayContaining([me.userId, 't1', 't2', 'draft', 10000]));
  });

  it('compiles "nothing allowed" to false and "everything" to true', () => {
    expect(toSql(accessibleWhere(buildAbility([], me), 'read', 'deal', columns)).sql).toBe('false');
    const all = buildAbility([{ action: 'manage', subject: 'all', role: 'owner' }], me);
    expect(toSql(accessibleWhere(all, 'read', 'deal', columns)).sql).toBe('true');
  });

  it('refuses to compile a rule on a field the query does not know, rather than widen it', () => {
    const ability = buildAbility(
      [{ action: 'read', subject: 'deal', conditions: { secret_flag: true }, role: 'x' }],
      me,
    );
    expect(() => accessibleWhere(ability, 'read', 'deal', columns)).toThrow(UncompilableRuleError);
  });

  it('masks the fields a role may not read', () => {
    const ability = buildAbility(
      [{ action: 'read', subject: 'item', fields: ['id', 'name', 'list_price'], role: 'sales' }],
      me,
    );
    expect(
      maskRecord(ability, 'item', { id: '1', name: 'Tornillo', listPrice: '10.00', cost: '4.00' }),
    ).toEqual({
      id: '1',
      name: 'Tornillo',
      listPrice: '10.00',
    });
  });

  it("decides a page's masking once: whole grants pass records through, field rules filter each", () => {
    const whole = recordMasker(
      buildAbility([{ action: 'read', subject: 'item', role: 'admin' }], me),
      'item',
    );
    const record = { id: '1', name: 'Tornillo', cost: '4.00' };
    expect(whole(record)).toBe(record);
    const none = recordMasker(buildAbility([], me), 'item');
    expect(none(record)).toEqual({});
    const fields = recordMasker(
      buildAbility(
        [{ action: 'read', subject: 'item', fields: ['id', 'name'], role: 'sales' }],
        me,
      ),
      'item',
    );
    expect(fields(record)).toEqual({ id: '1', name: 'Tornillo' });
    expect(fields({ id: '2', name: 'Tuerca', cost: '1.00' })).toEqual({ id: '2', name: 'Tuerca' });
    // The copying entry point still never hands back the caller's own object.
    expect(
      maskRecord(
        buildAbility([{ action: 'read', subject: 'item', role: 'admin' }], me),
        'item',
        record,
      ),
    ).not.toBe(record);
  });
});
