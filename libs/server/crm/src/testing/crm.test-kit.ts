import { defineTestKit, type KitCall } from '@nexo/contracts';

const PARTY_READ = ['read crm.party', 'read crm.contact', 'read crm.address'];
const PARTY_DETAILS_WRITE = ['contact', 'address'].flatMap((s) =>
  ['create', 'update', 'delete'].map((a) => `${a} crm.${s}`),
);
const EMPLOYEE = ['read crm.pipeline', 'read crm.team'];

/** The crm's grants for the route matrix and its records for the tenant-isolation sweep. */
export const crmTestKit = defineTestKit({
  context: 'crm',
  grants: {
    sales: [
      ...EMPLOYEE,
      ...PARTY_READ,
      ...PARTY_DETAILS_WRITE,
      'create crm.party',
      'export crm.party',
      'update crm.party',
      'create crm.lead',
      'read crm.lead',
      'update crm.lead',
      'convert crm.lead',
      'create crm.opportunity',
      'read crm.opportunity',
      'update crm.opportunity',
      'create crm.activity',
      'read crm.activity',
      'update crm.activity',
    ],
    purchasing: [
      ...EMPLOYEE,
      ...PARTY_READ,
      ...PARTY_DETAILS_WRITE,
      'create crm.party',
      'update crm.party',
      'export crm.party',
      'read crm.activity',
      'create crm.activity',
      'update crm.activity',
    ],
    warehouse: [...EMPLOYEE, ...PARTY_READ],
    production: EMPLOYEE,
    accountant: [...EMPLOYEE, ...PARTY_READ, 'export crm.party'],
    'client-portal': PARTY_READ,
    'supplier-portal': PARTY_READ,
    'professional-accountant': [...EMPLOYEE, ...PARTY_READ],
    cashier: [...EMPLOYEE, ...PARTY_READ],
    auditor: [...EMPLOYEE, ...PARTY_READ],
  },
  recordsOfB: async (call: KitCall) => {
    const ok = async (url: string, body: object): Promise<string> => {
      const res = await call('POST', url, body);
      if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { id: string }).id;
    };
    const V1 = '/api/v1/crm';
    const pipelineRes = await call('POST', `${V1}/pipelines`, {
      name: 'Embudo de B',
      isDefault: true,
      stages: [
        { name: 'Nueva de B', probability: 10 },
        { name: 'Ganada de B', probability: 100, isWon: true },
        { name: 'Perdida de B', probability: 0, isLost: true },
      ],
    });
    const pipeline = pipelineRes.body as { id: string; stages: { id: string }[] };
    const stageId = pipeline.stages[0]?.id ?? '';
    const partyId = await ok(`${V1}/parties`, {
      kind: 'organization',
      name: 'Distribuidora de B',
      contacts: [{ name: 'Contacto de B' }],
      addresses: [{ kind: 'billing', line1: 'Calle de B 1', city: 'Rosario', country: 'AR' }],
    });
    const other = await ok(`${V1}/parties`, { kind: 'person', name: 'Otra de B' });
    const leadId = await ok(`${V1}/leads`, { name: 'Lead de B' });
    const opportunityId = await ok(`${V1}/opportunities`, {
      title: 'Oportunidad de B',
      partyId,
      currency: 'ARS',
      amount: '1000',
    });
    const activityId = await ok(`${V1}/activities`, {
      kind: 'task',
      subject: 'Tarea de B',
      partyId,
    });
    const teamId = await ok(`${V1}/teams`, { name: 'Equipo de B' });
    const contactId = await ok(`${V1}/parties/${partyId}/contacts`, {
      name: 'Otro contacto de B',
    });
    const addressId = await ok(`${V1}/parties/${partyId}/addresses`, {
      kind: 'shipping',
      line1: 'Depósito de B',
      city: 'Rosario',
      country: 'AR',
    });
    return {
      ids: {
        [`GET ${V1}/parties/:id`]: partyId,
        [`PATCH ${V1}/parties/:id`]: partyId,
        [`POST ${V1}/parties/:id/merge`]: other,
        [`GET ${V1}/parties/:id/timeline`]: partyId,
        [`GET ${V1}/parties/:id/contacts`]: partyId,
        [`POST ${V1}/parties/:id/contacts`]: partyId,
        [`PATCH ${V1}/contacts/:id`]: contactId,
        [`DELETE ${V1}/contacts/:id`]: contactId,
        [`GET ${V1}/parties/:id/addresses`]: partyId,
        [`POST ${V1}/parties/:id/addresses`]: partyId,
        [`PATCH ${V1}/addresses/:id`]: addressId,
        [`DELETE ${V1}/addresses/:id`]: addressId,
        [`GET ${V1}/leads/:id`]: leadId,
        [`PATCH ${V1}/leads/:id`]: leadId,
        [`POST ${V1}/leads/:id/convert`]: leadId,
        [`PATCH ${V1}/pipelines/:id`]: pipeline.id,
        [`POST ${V1}/pipelines/:id/stages`]: pipeline.id,
        [`PATCH ${V1}/stages/:id`]: stageId,
        [`GET ${V1}/pipelines/:id/board`]: pipeline.id,
        [`GET ${V1}/pipelines/:id/forecast`]: pipeline.id,
        [`GET ${V1}/opportunities/:id`]: opportunityId,
        [`PATCH ${V1}/opportunities/:id`]: opportunityId,
        [`POST ${V1}/opportunities/:id/move`]: opportunityId,
        [`POST ${V1}/opportunities/:id/win`]: opportunityId,
        [`POST ${V1}/opportunities/:id/lose`]: opportunityId,
        [`GET ${V1}/opportunities/:id/timeline`]: opportunityId,
        [`PATCH ${V1}/activities/:id`]: activityId,
        [`PUT ${V1}/teams/:id/members`]: teamId,
      },
      bodies: {
        [`POST ${V1}/parties/:id/merge`]: { intoId: partyId },
        [`POST ${V1}/parties/:id/addresses`]: {
          kind: 'billing',
          line1: 'x',
          city: 'x',
          country: 'AR',
        },
        [`PATCH ${V1}/leads/:id`]: { name: 'x' },
        [`PATCH ${V1}/addresses/:id`]: { city: 'x' },
        [`POST ${V1}/leads/:id/convert`]: {
          party: { kind: 'organization', name: 'x' },
          opportunity: { title: 'x', currency: 'ARS' },
        },
        [`POST ${V1}/pipelines/:id/stages`]: { name: 'x', probability: 5 },
        [`PATCH ${V1}/opportunities/:id`]: { title: 'x' },
        [`POST ${V1}/opportunities/:id/move`]: { stageId },
        [`POST ${V1}/opportunities/:id/lose`]: { reason: 'x' },
        [`PATCH ${V1}/activities/:id`]: { subject: 'x' },
        [`PUT ${V1}/teams/:id/members`]: { membershipIds: [] },
      },
      lists: [
        `${V1}/parties?q=Distribuidora`,
        `${V1}/leads`,
        `${V1}/opportunities`,
        `${V1}/activities`,
        `${V1}/pipelines`,
        `${V1}/teams`,
      ],
      unchanged: { url: `${V1}/parties/${partyId}`, matches: { name: 'Distribuidora de B' } },
    };
  },
});
