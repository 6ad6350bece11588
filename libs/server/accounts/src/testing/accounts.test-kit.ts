import { defineTestKit, type KitCall } from '@nexo/contracts';

/** Accounts's grants for the route matrix and its records for the tenant-isolation sweep. */
export const accountsTestKit = defineTestKit({
  context: 'accounts',
  // No system role has a rule on accounts yet (owners and admins manage everything).
  grants: {},
  recordsOfB: async (call: KitCall) => {
    const url = '/api/v1/accounts/accounts';
    const res = await call('POST', url, { code: '1.1.B', name: 'Account de B', type: 'asset' });
    if (res.status !== 201) throw new Error(`${url}: ${res.status}`);
    const id = (res.body as { id: string }).id;
    return {
      ids: {
        [`GET ${url}/:id`]: id,
        [`PATCH ${url}/:id`]: id,
        [`DELETE ${url}/:id`]: id,
      },
      bodies: { [`PATCH ${url}/:id`]: { name: 'x' } },
      lists: [url],
      unchanged: { url: `${url}/${id}`, matches: { name: 'Account de B', version: 1 } },
    };
  },
});
