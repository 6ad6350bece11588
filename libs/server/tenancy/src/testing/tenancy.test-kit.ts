import { defineTestKit, type KitCall } from '@nexo/contracts';

const READ = ['read tenancy.exchange-rate', 'read tenancy.point-of-sale'];
const V1 = '/api/v1/tenancy';
type SessionOfB = { current: { tenantId: string } };

/**
 * Tenancy's exchange rates, points of sale and the company's logo for the route matrix and the
 * tenant-isolation sweep. The company record and its number series are the base's: those
 * tests write their fixtures out.
 */
export const tenancyTestKit = defineTestKit({
  context: 'tenancy',
  grants: {
    sales: READ,
    purchasing: READ,
    warehouse: READ,
    production: READ,
    'professional-accountant': READ,
    cashier: READ,
    auditor: READ,
    // Keeps the books in the base currency: enters and imports the rates; registers the
    // points of sale.
    accountant: [
      ...READ,
      ...['create', 'update', 'delete', 'import'].map((a) => `${a} tenancy.exchange-rate`),
      ...['create', 'update', 'delete'].map((a) => `${a} tenancy.point-of-sale`),
    ],
  },
  recordsOfB: async (call: KitCall, { png }) => {
    const res = await call('POST', `${V1}/exchange-rates`, {
      currency: 'USD',
      date: '2026-03-15',
      rate: '1234.5',
    });
    if (res.status !== 201)
      throw new Error(`exchange rate: ${res.status} ${JSON.stringify(res.body)}`);
    const pos = await call('POST', `${V1}/points-of-sale`, { number: 7, name: 'Sucursal B' });
    if (pos.status !== 201)
      throw new Error(`point of sale: ${pos.status} ${JSON.stringify(pos.body)}`);
    const posId = (pos.body as { id: string }).id;
    // B's logo: A reads, replaces and removes it by B's company id, and gets 404 each time.
    const tenantB = ((await call('GET', '/api/v1/auth/session')).body as SessionOfB).current
      .tenantId;
    const logo = `${V1}/tenants/${tenantB}/logo`;
    const put = await call('PUT', logo, Buffer.from(png), { 'content-type': 'image/png' });
    if (put.status !== 204) throw new Error(`logo: ${put.status} ${JSON.stringify(put.body)}`);
    const on = `${V1}/exchange-rates/on?currency=USD&date=2026-03-15`;
    return {
      ids: {
        [`DELETE ${V1}/exchange-rates/:id`]: (res.body as { id: string }).id,
        [`GET ${V1}/points-of-sale/:id`]: posId,
        [`PATCH ${V1}/points-of-sale/:id`]: posId,
        [`DELETE ${V1}/points-of-sale/:id`]: posId,
        [`GET ${V1}/tenants/:id/logo`]: tenantB,
        [`PUT ${V1}/tenants/:id/logo`]: tenantB,
        [`DELETE ${V1}/tenants/:id/logo`]: tenantB,
      },
      lists: [
        `${V1}/exchange-rates`,
        `${V1}/exchange-rates?currency=USD`,
        `${V1}/points-of-sale`,
        `${V1}/points-of-sale?number=7`,
      ],
      // A has no rate of its own: B's must not answer for it.
      notFound: [on],
      unchanged: { url: on, matches: { rate: '1234.5', rateDate: '2026-03-15' } },
    };
  },
});
