import { TenantDirectory } from '@nexo/tenancy';
import { useTestDatabase } from '@nexo/testing';
import { describe, expect, it } from 'vitest';
import { createAccount, login, type TestAccount } from './helpers/accounts.js';
import { caller, tinyPng } from './helpers/catalog.js';
import { useTestApp } from './helpers/test-app.js';

const V1 = '/api/v1/tenancy/tenants';

/** The company's logo for its documents: PNG or JPEG up to 512 KB, its own, audited. */
describe("the company's logo", () => {
  const db = useTestDatabase();
  const t = useTestApp(db);
  const as = async (account: TestAccount) =>
    caller(t.app, (await login(t.app, account, account.tenantId)).accessToken);

  it('stores a PNG or JPEG, answers its bytes, refuses other files, removes it', async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const logo = `${V1}/${owner.tenantId}/logo`;
    const put = (payload: Buffer, type: string) =>
      api('PUT', logo, payload, { 'content-type': type });

    expect((await api('GET', logo)).status).toBe(404);
    expect((await api('GET', `${V1}/${owner.tenantId}`)).body).toMatchObject({
      hasLogo: false,
      version: 1,
    });
    const png = tinyPng();
    const stored = await put(png, 'image/png');
    expect(stored.status, JSON.stringify(stored.body)).toBe(204);
    const file = await api('GET', logo);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(file.raw, png)).toBe(0);
    // The settings say so, never carry the bytes, and keep their version (no If-Match here).
    const company = await api('GET', `${V1}/${owner.tenantId}`);
    expect(company.body).toMatchObject({ hasLogo: true, version: 1 });
    expect(Object.keys(company.body)).not.toContain('logo');
    expect(Object.keys(company.body)).not.toContain('logoType');

    // Another format, a file that is not what it says, JSON, too large: refused, logo kept.
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect((await put(gif, 'image/gif')).status).toBe(415);
    const text = await put(Buffer.from('no soy una imagen'), 'image/png');
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('unsupported_media_type');
    expect((await put(Buffer.from('hola'), 'text/plain')).status).toBe(415);
    expect((await api('PUT', logo, { data: png.toString('base64') })).status).toBe(415);
    const big = await put(Buffer.concat([png, Buffer.alloc(512 * 1024)]), 'image/png');
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload_too_large');
    expect(
      (await put(Buffer.concat([png, Buffer.alloc(512 * 1024 - png.length)]), 'image/png')).status,
    ).toBe(204);
    expect(Buffer.compare((await api('GET', logo)).raw, png)).not.toBe(0);

    // A JPEG replaces it; logoOf reads it for the documents, in the company's transaction.
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);
    expect((await put(jpeg, 'image/jpeg')).status).toBe(204);
    const again = await api('GET', logo);
    expect(again.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(again.raw, jpeg)).toBe(0);
    const directory = t.app.get(TenantDirectory);
    const read = await db.current.database.withContext({ tenantId: owner.tenantId }, () =>
      directory.logoOf(owner.tenantId),
    );
    expect(read?.contentType).toBe('image/jpeg');
    expect(Buffer.compare(read?.data ?? Buffer.alloc(0), jpeg)).toBe(0);

    expect((await api('DELETE', logo)).status).toBe(204);
    expect((await api('GET', logo)).status).toBe(404);
    expect((await api('DELETE', logo)).status).toBe(404);
    expect((await api('GET', `${V1}/${owner.tenantId}`)).body).toMatchObject({
      hasLogo: false,
      version: 1,
    });
    expect(
      await db.current.database.withContext({ tenantId: owner.tenantId }, () =>
        directory.logoOf(owner.tenantId),
      ),
    ).toBeNull();

    // Audited as changes of the company, with the type and size and never the bytes.
    const history = await api('GET', `/api/v1/audit/records/tenancy.tenant/${owner.tenantId}`);
    expect(history.status).toBe(200);
    const entries = history.body as { action: string; after: unknown; before: unknown }[];
    expect(entries.slice(0, 4).map((e) => e.after)).toEqual([
      { logo: null },
      { logo: { contentType: 'image/jpeg', byteSize: jpeg.length } },
      { logo: { contentType: 'image/png', byteSize: 512 * 1024 } },
      { logo: { contentType: 'image/png', byteSize: png.length } },
    ]);
    expect(entries.length).toBe(4);
  });

  it("is the company's own: another company's id is 404, a reader may not change it", async () => {
    const owner = await createAccount(t.app, db.current, { roles: ['owner'] });
    const other = await createAccount(t.app, db.current, { roles: ['owner'] });
    const api = await as(owner);
    const theirs = await as(other);
    const logo = `${V1}/${owner.tenantId}/logo`;
    const png = tinyPng();
    expect((await api('PUT', logo, png, { 'content-type': 'image/png' })).status).toBe(204);

    // The other company's owner: not found, whatever the method, and nothing changes.
    expect((await theirs('GET', logo)).status).toBe(404);
    expect((await theirs('PUT', logo, png, { 'content-type': 'image/png' })).status).toBe(404);
    expect((await theirs('DELETE', logo)).status).toBe(404);
    const ownLogo = `${V1}/${other.tenantId}/logo`;
    expect((await theirs('GET', ownLogo)).status).toBe(404);
    const read = await db.current.database.withContext({ tenantId: other.tenantId }, () =>
      t.app.get(TenantDirectory).logoOf(owner.tenantId),
    );
    expect(read).toBeNull();

    // A salesperson reads the company (and its logo) but may not change it.
    const sales = await as(
      await createAccount(t.app, db.current, { tenantId: owner.tenantId, roles: ['sales'] }),
    );
    const seen = await sales('GET', logo);
    expect(seen.status).toBe(200);
    expect(Buffer.compare(seen.raw, png)).toBe(0);
    const refused = await sales('PUT', logo, png, { 'content-type': 'image/png' });
    expect(refused.status).toBe(403);
    expect((await sales('DELETE', logo)).status).toBe(403);
    expect((await api('GET', logo)).status).toBe(200);
  });
});
