import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';
import { routeGroup } from '../http/route-group.js';
import { FILTERS, Id, V1, tag } from './crm.shared.js';
import {
  AddressInputSchema,
  AddressSchema,
  ContactInputSchema,
  ContactSchema,
  CreatePartyInputSchema,
  DuplicateCandidateSchema,
  DuplicateQuerySchema,
  ImportPartiesInputSchema,
  MergePartyInputSchema,
  PartySchema,
  UpdateAddressInputSchema,
  UpdateContactInputSchema,
  UpdatePartyInputSchema,
} from './party.contracts.js';
import { TimelineItemSchema } from './timeline.contracts.js';

const parties = routeGroup({
  tag,
  path: `${V1}/parties`,
  name: 'Party',
  plural: 'Parties',
  subject: 'crm.party',
  schema: PartySchema,
  list: {
    summary: `Parties. ${FILTERS('name, kind, isCustomer, isSupplier, isProfessional, taxId, email, ownerId, teamId, customerGroup, status, tags, updatedAt')} Sort: name, updatedAt. q: name, legal name, tax id, email`,
  },
  export: {
    summary:
      'The filtered parties as CSV (same query as the list, all pages, readable fields only)',
  },
  create: {
    body: CreatePartyInputSchema,
    summary:
      'Create a party with its contacts and addresses; possible duplicates come back as a warning',
    response: PartySchema.extend({ duplicates: z.array(DuplicateCandidateSchema) }),
  },
  get: {},
  update: { body: UpdatePartyInputSchema },
});

/** Parties: the list and its CSV export and import, duplicates, merge, timeline. */
export const PartyRoutes = {
  list: parties.list,
  export: parties.export,
  import: defineRoute({
    method: 'POST',
    path: `${V1}/parties/import`,
    operationId: 'importParties',
    summary:
      "Import parties from CSV (the export's columns) as a background job: follow it at /api/v1/jobs/{jobId}; its result reports each bad cell by line and column",
    tag,
    access: permission('import', 'crm.party'),
    body: ImportPartiesInputSchema,
    status: 202,
    response: z.object({ jobId: z.uuid() }),
  }),
  duplicates: defineRoute({
    method: 'POST',
    path: `${V1}/parties/duplicates`,
    operationId: 'findDuplicateParties',
    summary: 'Parties that may be the same as this one: same tax id or email, similar name',
    tag,
    access: permission('read', 'crm.party'),
    body: DuplicateQuerySchema,
    status: 200,
    response: z.array(DuplicateCandidateSchema),
  }),
  create: parties.create,
  get: parties.get,
  update: parties.update,
  merge: defineRoute({
    method: 'POST',
    path: `${V1}/parties/:id/merge`,
    operationId: 'mergeParty',
    summary:
      'Merge this party into another: contacts, addresses, opportunities, activities, timeline and portal members move',
    tag,
    access: permission('merge', 'crm.party'),
    params: Id,
    body: MergePartyInputSchema,
    status: 200,
    response: PartySchema,
  }),
  timeline: defineRoute({
    method: 'GET',
    path: `${V1}/parties/:id/timeline`,
    operationId: 'partyTimeline',
    summary: 'Activities and events of a party and its opportunities, newest first',
    tag,
    access: permission('read', 'crm.party'),
    params: Id,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    status: 200,
    response: z.array(TimelineItemSchema),
  }),
} as const;

/** A contact is added under its party and changed or removed on its own. */
const contacts = routeGroup({
  tag,
  path: `${V1}/contacts`,
  name: 'Contact',
  plural: 'Contacts',
  subject: 'crm.contact',
  schema: ContactSchema,
  update: { body: UpdateContactInputSchema },
  remove: { summary: 'Remove a contact' },
});

/** A party's contacts. */
export const ContactRoutes = {
  list: defineRoute({
    method: 'GET',
    path: `${V1}/parties/:id/contacts`,
    operationId: 'listContacts',
    summary: "A party's contacts",
    tag,
    access: permission('read', 'crm.contact'),
    params: Id,
    status: 200,
    response: z.array(ContactSchema),
  }),
  add: defineRoute({
    method: 'POST',
    path: `${V1}/parties/:id/contacts`,
    operationId: 'addContact',
    summary: 'Add a contact to a party',
    tag,
    access: permission('create', 'crm.contact'),
    params: Id,
    body: ContactInputSchema,
    status: 201,
    response: ContactSchema,
  }),
  update: contacts.update,
  remove: contacts.remove,
} as const;

/** An address is added under its party and changed or removed on its own. */
const addresses = routeGroup({
  tag,
  path: `${V1}/addresses`,
  name: 'Address',
  plural: 'Addresses',
  subject: 'crm.address',
  schema: AddressSchema,
  update: { body: UpdateAddressInputSchema, summary: 'Change an address' },
  remove: { summary: 'Remove an address' },
});

/** A party's addresses. */
export const AddressRoutes = {
  list: defineRoute({
    method: 'GET',
    path: `${V1}/parties/:id/addresses`,
    operationId: 'listAddresses',
    summary: "A party's addresses",
    tag,
    access: permission('read', 'crm.address'),
    params: Id,
    status: 200,
    response: z.array(AddressSchema),
  }),
  add: defineRoute({
    method: 'POST',
    path: `${V1}/parties/:id/addresses`,
    operationId: 'addAddress',
    summary: 'Add an address to a party',
    tag,
    access: permission('create', 'crm.address'),
    params: Id,
    body: AddressInputSchema,
    status: 201,
    response: AddressSchema,
  }),
  update: addresses.update,
  remove: addresses.remove,
} as const;
