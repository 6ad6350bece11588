import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';
import {
  AllocateInputSchema,
  AllocationSchema,
  CurrentAccountQuerySchema,
  CurrentAccountSchema,
  PaymentRecordSchema,
  RecordPaymentInputSchema,
  RevaluationInputSchema,
  RevaluationSchema,
  UndoAllocationInputSchema,
} from './current-account.contracts.js';
import { LedgerMovementsSchema, PeriodQuerySchema } from './reports.contracts.js';

const tag = 'Accounts';
const V1 = '/api/v1/accounts';
const SUBJECT = 'accounts.current-account';
const party = z.object({ partyId: z.uuid() });

/** A party's current account: open items, allocations, statement. */
export const CURRENT_ACCOUNT_ROUTES = {
  getCurrentAccount: defineRoute({
    method: 'GET',
    path: `${V1}/parties/:partyId/current-account`,
    operationId: 'getCurrentAccount',
    summary: 'A party’s balance per currency and its open items on a day (today by default)',
    tag,
    access: permission('read', SUBJECT),
    params: party,
    query: CurrentAccountQuerySchema,
    status: 200,
    response: CurrentAccountSchema,
  }),
  getPartyStatement: defineRoute({
    method: 'GET',
    path: `${V1}/parties/:partyId/statement`,
    operationId: 'getPartyStatement',
    summary: 'A party’s statement: opening balance, its lines with running balance, closing',
    tag,
    access: permission('read', SUBJECT),
    params: party,
    query: PeriodQuerySchema,
    status: 200,
    response: LedgerMovementsSchema,
  }),
  listAllocations: defineRoute({
    method: 'GET',
    path: `${V1}/parties/:partyId/allocations`,
    operationId: 'listAllocations',
    summary: 'What settled what for a party, newest first (undone ones with their opposite)',
    tag,
    access: permission('read', SUBJECT),
    params: party,
    status: 200,
    response: z.object({ items: z.array(AllocationSchema) }),
  }),
  allocate: defineRoute({
    method: 'POST',
    path: `${V1}/parties/:partyId/allocations`,
    operationId: 'allocate',
    summary:
      'Settle invoices with payments or notes of the party, partially or several at once (409 over_allocated)',
    tag,
    access: permission('create', SUBJECT),
    params: party,
    body: AllocateInputSchema,
    status: 201,
    response: z.object({ items: z.array(AllocationSchema) }),
    audited: true,
  }),
  undoAllocation: defineRoute({
    method: 'POST',
    path: `${V1}/allocations/:id/undo`,
    operationId: 'undoAllocation',
    summary: 'Undo an allocation by adding its opposite (409 already_undone)',
    tag,
    access: permission('update', SUBJECT),
    params: z.object({ id: z.uuid() }),
    body: UndoAllocationInputSchema,
    status: 201,
    response: AllocationSchema,
    audited: true,
  }),
  recordReceipt: defineRoute({
    method: 'POST',
    path: `${V1}/receipts`,
    operationId: 'recordReceipt',
    summary:
      'A receipt (recibo) from a customer: the money by method, booked and allocated to the invoices it settles, in one transaction',
    tag,
    access: permission('create', SUBJECT),
    body: RecordPaymentInputSchema,
    status: 201,
    response: PaymentRecordSchema,
    audited: true,
  }),
  recordPayment: defineRoute({
    method: 'POST',
    path: `${V1}/payments`,
    operationId: 'recordPayment',
    summary:
      'A payment (orden de pago) to a supplier: the money by method, booked and allocated to the bills it settles',
    tag,
    access: permission('create', SUBJECT),
    body: RecordPaymentInputSchema,
    status: 201,
    response: PaymentRecordSchema,
    audited: true,
  }),
  revalue: defineRoute({
    method: 'POST',
    path: `${V1}/revaluations`,
    operationId: 'revalue',
    summary:
      'Restate what is open in foreign currencies at a day’s rates (unrealized differences), reversed the next day (409 already_revalued)',
    tag,
    access: permission('create', 'accounts.entry'),
    body: RevaluationInputSchema,
    status: 201,
    response: RevaluationSchema,
    audited: true,
  }),
};
