import { defineTestKit, type KitCall } from '@nexo/contracts';

const SUBJECTS = [
  'accounts.account',
  'accounts.entry',
  'accounts.settings',
  'accounts.current-account',
  'accounts.report',
];
const grant = (actions: string[], subjects: string[]) =>
  actions.flatMap((a) => subjects.map((s) => `${a} ${s}`));
const READ_ALL = grant(['read', 'export'], SUBJECTS);
const V1 = '/api/v1/accounts';

/** B's books: the chart installed, a draft and a posted entry, an allocation, a rule. */
async function booksOfB(call: KitCall) {
  const ok = async (method: 'POST' | 'PUT', url: string, body: object, status = 201) => {
    const res = await call(method, url, body);
    if (res.status !== status) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  await ok('POST', `${V1}/chart/install`, { country: 'AR' }, 200);
  const settings = (await call('GET', `${V1}/settings`)).body as {
    fiscalYears: { periods: { id: string }[] }[];
  };
  const period = settings.fiscalYears[0]?.periods[0]?.id ?? '';
  const journals = (await call('GET', `${V1}/journals`)).body as {
    items: { id: string; kind: string }[];
  };
  const general = journals.items.find((j) => j.kind === 'general')?.id ?? '';
  const accounts = (await call('GET', `${V1}/accounts?limit=200`)).body as {
    items: { id: string; type: string; heading: boolean }[];
  };
  const leaf = (type: string) => accounts.items.find((a) => a.type === type && !a.heading)?.id;
  const party = (
    await ok('POST', '/api/v1/crm/parties', { kind: 'organization', name: 'Cliente de B' })
  ).id as string;
  const entry = (lines: object[], post: boolean, description: string) =>
    ok('POST', `${V1}/entries`, {
      journalId: general,
      date: '2026-03-02',
      description,
      lines,
      post,
    });
  const receivable = leaf('receivable');
  const income = leaf('income');
  const cash = leaf('cash');
  const draft = (
    await entry(
      [
        { accountId: cash, debit: '10' },
        { accountId: income, credit: '10' },
      ],
      false,
      'Borrador de B',
    )
  ).id as string;
  const invoice = (
    await entry(
      [
        { accountId: receivable, partyId: party, debit: '100' },
        { accountId: income, credit: '100' },
      ],
      true,
      'Factura de B',
    )
  ).id as string;
  await entry(
    [
      { accountId: cash, debit: '100' },
      { accountId: receivable, partyId: party, credit: '100' },
    ],
    true,
    'Cobro de B',
  );
  const current = (await call('GET', `${V1}/parties/${party}/current-account`)).body as {
    items: { id: string; side: string }[];
  };
  const debit = current.items.find((i) => i.side === 'debit')?.id;
  const credit = current.items.find((i) => i.side === 'credit')?.id;
  const allocation = (
    (await ok('POST', `${V1}/parties/${party}/allocations`, {
      date: '2026-03-02',
      allocations: [{ debitItemId: debit, creditItemId: credit }],
    })) as { items: { id: string }[] }
  ).items[0]?.id as string;
  const rule = (
    await ok(
      'PUT',
      `${V1}/posting-rules`,
      { purpose: 'sales', matchKind: 'warehouse', matchId: party, accountId: income },
      200,
    )
  ).id as string;
  return { draft, invoice, period, allocation, rule, party };
}

/** Accounts's grants for the route matrix and its records for the tenant-isolation sweep. */
export const accountsTestKit = defineTestKit({
  context: 'accounts',
  // As the roles' rules in accounts.context.ts give them.
  grants: {
    accountant: grant(['read', 'create', 'update', 'delete', 'transition', 'export'], SUBJECTS),
    cashier: [
      'read accounts.account',
      ...grant(['read', 'create', 'update', 'export'], ['accounts.current-account']),
    ],
    auditor: READ_ALL,
    'professional-accountant': READ_ALL,
    sales: ['read accounts.current-account'],
    purchasing: ['read accounts.current-account'],
  },
  recordsOfB: async (call: KitCall) => {
    const url = `${V1}/accounts`;
    const res = await call('POST', url, { code: '9.9.B', name: 'Account de B', type: 'asset' });
    if (res.status !== 201) throw new Error(`${url}: ${res.status}`);
    const id = (res.body as { id: string }).id;
    const b = await booksOfB(call);
    return {
      ids: {
        [`GET ${url}/:id`]: id,
        [`PATCH ${url}/:id`]: id,
        [`DELETE ${url}/:id`]: id,
        [`GET ${V1}/entries/:id`]: b.draft,
        [`PATCH ${V1}/entries/:id`]: b.draft,
        [`DELETE ${V1}/entries/:id`]: b.draft,
        [`POST ${V1}/entries/:id/post`]: b.draft,
        [`POST ${V1}/entries/:id/reverse`]: b.invoice,
        [`POST ${V1}/periods/:id/lock`]: b.period,
        [`POST ${V1}/periods/:id/unlock`]: b.period,
        [`DELETE ${V1}/posting-rules/:id`]: b.rule,
        [`POST ${V1}/allocations/:id/undo`]: b.allocation,
      },
      bodies: {
        [`PATCH ${url}/:id`]: { name: 'x' },
        [`PATCH ${V1}/entries/:id`]: { description: 'x' },
        [`POST ${V1}/entries/:id/reverse`]: {},
        [`POST ${V1}/allocations/:id/undo`]: {},
      },
      lists: [url, `${V1}/entries`, `${V1}/journals`, `${V1}/posting-rules`],
      unchanged: {
        url: `${V1}/entries/${b.draft}`,
        matches: { description: 'Borrador de B', version: 1 },
      },
    };
  },
});
