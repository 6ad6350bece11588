import type { INestApplicationContext } from '@nestjs/common';
import {
  Allocations,
  BooksInstaller,
  Ledger,
  type AllocationPair,
  type LedgerEntryInput,
} from '@nexo/accounts';
import { memberships, users } from '@nexo/auth/tables';
import { parties } from '@nexo/crm/tables';
import type { Tx } from '@nexo/db';
import { requestContext } from '@nexo/platform';
import { decimal, decimalFixed, newId } from '@nexo/utils';
import { and, asc, eq, or, sql } from 'drizzle-orm';

type Decimal = ReturnType<typeof decimal>;

const DAY = 86_400_000;
const TIMEZONE = 'America/Argentina/Buenos_Aires';
/** IVA general rate, as the demo company's invoices and bills carry it. */
const VAT = decimal('0.21');

/** The company's today (Buenos Aires), so no entry is dated after it there. */
const localToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIMEZONE }).format(new Date());
const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const money = (value: Decimal): string => decimalFixed(value, 2);

/** A small seeded generator (mulberry32): the same books on every machine, every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A document and the settlements (payments) that close it, in part or whole. */
interface Planned {
  key: string;
  date: string;
  /** Documents before payments on one day, so an allocation never precedes its invoice. */
  order: number;
  input: LedgerEntryInput;
  partyId?: string;
  /** A payment's allocations: the documents it settles (by key), and how much. */
  settles?: { key: string; amount: string; side: 'debit' | 'credit' }[];
}

/** How a counterparty pays: days after the document, the share it pays, when it stopped. */
interface Habit {
  lag: number;
  share: Decimal;
  /** Documents dated after this day are never paid (a customer in arrears). */
  stopsAfter: string | null;
}

/**
 * The demo company's books: opened for this year and the last (the Argentine chart, the
 * posting rules, the five journals), then a year of entries up to today through the real
 * ledger. Each customer is invoiced every third month (receivable due in 30 days, sales,
 * IVA 21 %) and pays by cash or bank transfer on its own habit: most on time, one share
 * partly, some late, some not since a few months ago, so the aging has every bucket. Each
 * supplier bills every third month and is paid by bank, a few partly; rent and salaries are
 * paid monthly. Seeded once: nothing happens when the company has posted a `demo.*` entry.
 */
export async function seedDemoAccounts(
  app: INestApplicationContext,
  tx: Tx,
  tenantId: string,
  adminEmail: string,
): Promise<boolean> {
  // Its own entries, not any: the stock the inventory seed values may be in the books first.
  const { rows: posted } = await tx.execute(sql`
    select 1 from accounts.entries
     where tenant_id = ${tenantId} and state = 'posted' and source_type like 'demo.%' limit 1`);
  if (posted.length) return false;
  const [admin] = await tx
    .select({ userId: users.id, membershipId: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(users.email, adminEmail)))
    .limit(1);
  if (!admin) return false;
  const counterparties = await tx
    .select({ id: parties.id, isCustomer: parties.isCustomer, isSupplier: parties.isSupplier })
    .from(parties)
    .where(
      and(
        eq(parties.tenantId, tenantId),
        or(eq(parties.isCustomer, true), eq(parties.isSupplier, true)),
      ),
    )
    .orderBy(asc(parties.name));
  const principal = {
    userId: admin.userId,
    tenantId,
    actor: 'employee' as const,
    membershipId: admin.membershipId,
    roles: ['owner'],
    issuedAt: 0,
  };
  const today = localToday();
  const year = Number(today.slice(0, 4));
  await requestContext.run({ requestId: newId(), principal }, async () => {
    const installer = app.get(BooksInstaller);
    await installer.install(tenantId, 'AR', 'es', year);
    await installer.openYear(tenantId, year - 1);
    const accountOf = await accountCodes(tx, tenantId);
    const plan = planYear(
      today,
      counterparties.filter((p) => p.isCustomer).map((p) => p.id),
      counterparties.filter((p) => p.isSupplier && !p.isCustomer).map((p) => p.id),
      accountOf,
    );
    const ledger = app.get(Ledger);
    const entryOf = new Map<string, string>();
    for (const entry of plan) entryOf.set(entry.key, (await ledger.post(entry.input)).id);
    // One open item per posted receivable or payable line with a party: read them at once.
    const { rows } = await tx.execute<{ entry_id: string; id: string }>(sql`
      select entry_id, id from accounts.open_items where tenant_id = ${tenantId}`);
    const itemOf = new Map(rows.map((r) => [r.entry_id, r.id]));
    const item = (key: string) => itemOf.get(entryOf.get(key) ?? '') ?? '';
    const allocations = app.get(Allocations);
    for (const payment of plan) {
      if (!payment.settles?.length || !payment.partyId) continue;
      const pairs: AllocationPair[] = payment.settles.map((s) =>
        s.side === 'debit'
          ? { debitItemId: item(s.key), creditItemId: item(payment.key), amount: s.amount }
          : { debitItemId: item(payment.key), creditItemId: item(s.key), amount: s.amount },
      );
      await allocations.allocate(payment.partyId, pairs, payment.date);
    }
  });
  return true;
}

/** The ids of the expense and equity accounts no posting rule names, by code. */
async function accountCodes(tx: Tx, tenantId: string): Promise<(code: string) => string> {
  const { rows } = await tx.execute<{ code: string; id: string }>(sql`
    select code, id from accounts.accounts
     where tenant_id = ${tenantId} and code in ('3.1.01', '5.3.01', '5.3.03')`);
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  return (code) => {
    const id = byCode.get(code);
    if (!id) throw new Error(`The demo chart has no account ${code}`);
    return id;
  };
}

/** The first day of each of the twelve months up to `today`'s, oldest first. */
function monthStarts(today: string): string[] {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - 11 + i, 1));
    return d.toISOString().slice(0, 10);
  });
}

/** Every entry of the year, in date order (documents first on a day). */
function planYear(
  today: string,
  customers: string[],
  suppliers: string[],
  accountOf: (code: string) => string,
): Planned[] {
  const random = seeded(20_240_601);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const months = monthStarts(today);
  const first = addDays(today, -364);
  const plan: Planned[] = [];
  const payments = new Map<string, Planned>();

  // Capital paid into the bank the first day, so the bank account starts in funds.
  plan.push({
    key: 'capital',
    date: first,
    order: 0,
    input: {
      journal: 'general',
      date: first,
      description: 'Aporte de capital',
      sourceType: 'demo.capital',
      sourceId: newId(),
      lines: [
        { purpose: 'bank', debit: '60000000.00' },
        { accountId: accountOf('3.1.01'), credit: '60000000.00' },
      ],
    },
  });

  const customerHabit = (i: number): Habit => {
    switch (i % 6) {
      case 3: // pays part of each invoice and leaves the rest open
        return { lag: between(20, 35), share: decimal('0.6'), stopsAfter: null };
      case 4: // a late payer
        return { lag: between(70, 95), share: decimal('1'), stopsAfter: null };
      case 5: // in arrears: has paid nothing billed in the last few months
        return { lag: between(25, 40), share: decimal('1'), stopsAfter: addDays(today, -200) };
      default:
        return { lag: between(15, 40), share: decimal('1'), stopsAfter: null };
    }
  };
  const supplierHabit = (j: number): Habit =>
    j % 4 === 3
      ? { lag: between(30, 45), share: decimal('0.7'), stopsAfter: null }
      : { lag: between(25, 50), share: decimal('1'), stopsAfter: null };

  /** The payment that settles `document` on the party's next payment day, made as needed. */
  const settle = (
    partyId: string,
    document: Planned,
    total: Decimal,
    habit: Habit,
    payDay: number,
    customer: boolean,
  ) => {
    if (habit.stopsAfter && document.date > habit.stopsAfter) return;
    const due = addDays(document.date, habit.lag);
    const month = due.slice(0, 8);
    let date = `${month}${String(payDay).padStart(2, '0')}`;
    if (date < due) {
      const next = new Date(Date.parse(`${month}01T00:00:00Z`));
      next.setUTCMonth(next.getUTCMonth() + 1);
      date = `${next.toISOString().slice(0, 8)}${String(payDay).padStart(2, '0')}`;
    }
    if (date > today) return;
    const paid = total.times(habit.share).toDecimalPlaces(2);
    const key = `${partyId}|${date}`;
    let payment = payments.get(key);
    if (!payment) {
      const journal = customer && payDay % 3 === 0 ? 'cash' : 'bank';
      payment = {
        key: `pay|${key}`,
        date,
        order: 1,
        partyId,
        settles: [],
        input: {
          journal,
          date,
          description: customer ? 'Cobranza' : 'Pago a proveedor',
          sourceType: customer ? 'demo.receipt' : 'demo.payment',
          sourceId: newId(),
          lines: [],
        },
      };
      payments.set(key, payment);
      plan.push(payment);
    }
    payment.settles?.push({
      key: document.key,
      amount: money(paid),
      side: customer ? 'debit' : 'credit',
    });
  };

  customers.forEach((partyId, i) => {
    const habit = customerHabit(i);
    const payDay = 5 + (i % 20);
    months.forEach((start, m) => {
      if ((i + m) % 3 !== 0) return;
      const date = addDays(start, between(0, 27));
      if (date > today || date < first) return;
      const net = decimal(String(between(4_000_000, 64_000_000))).dividedBy(100);
      const tax = net.times(VAT).toDecimalPlaces(2);
      const total = net.plus(tax);
      const invoice: Planned = {
        key: `inv|${partyId}|${m}`,
        date,
        order: 0,
        input: {
          journal: 'sales',
          date,
          description: `Factura ${i % 4 === 3 ? 'B' : 'A'} de venta`,
          sourceType: 'demo.invoice',
          sourceId: newId(),
          lines: [
            { purpose: 'receivable', partyId, debit: money(total), dueDate: addDays(date, 30) },
            { purpose: 'sales', credit: money(net) },
            { purpose: 'tax_output', credit: money(tax) },
          ],
        },
      };
      plan.push(invoice);
      settle(partyId, invoice, total, habit, payDay, true);
    });
  });

  suppliers.forEach((partyId, j) => {
    const habit = supplierHabit(j);
    months.forEach((start, m) => {
      if ((j + m) % 3 !== 1) return;
      const date = addDays(start, between(0, 20));
      if (date > today || date < first) return;
      const net = decimal(String(between(20_000_000, 250_000_000))).dividedBy(100);
      const tax = net.times(VAT).toDecimalPlaces(2);
      const total = net.plus(tax);
      const bill: Planned = {
        key: `bill|${partyId}|${m}`,
        date,
        order: 0,
        input: {
          journal: 'purchases',
          date,
          description: 'Factura A de compra',
          sourceType: 'demo.bill',
          sourceId: newId(),
          lines: [
            { purpose: 'purchases', debit: money(net) },
            { purpose: 'tax_input', debit: money(tax) },
            { purpose: 'payable', partyId, credit: money(total), dueDate: addDays(date, 30) },
          ],
        },
      };
      plan.push(bill);
      settle(partyId, bill, total, habit, 15, false);
    });
  });

  // Rent on the 1st and salaries on the 28th, rising with inflation month by month.
  months.forEach((start, m) => {
    const rent = decimal('850000').times(decimal('1.04').pow(m)).toDecimalPlaces(2);
    const salaries = decimal('4200000').times(decimal('1.03').pow(m)).toDecimalPlaces(2);
    for (const [kind, date, code, value, description] of [
      ['rent', start, '5.3.03', rent, 'Alquiler del depósito'],
      ['salaries', addDays(start, 27), '5.3.01', salaries, 'Sueldos del mes'],
    ] as const) {
      if (date > today || date < first) continue;
      plan.push({
        key: `${kind}|${m}`,
        date,
        order: 0,
        input: {
          journal: 'bank',
          date,
          description,
          sourceType: `demo.${kind}`,
          sourceId: newId(),
          lines: [
            { accountId: accountOf(code), debit: money(value) },
            { purpose: 'bank', credit: money(value) },
          ],
        },
      });
    }
  });

  // Each payment's lines, now that every document it settles is known.
  for (const payment of payments.values()) {
    const partyId = payment.partyId ?? '';
    const paid = money(
      (payment.settles ?? []).reduce((sum, s) => sum.plus(s.amount), decimal('0')),
    );
    const customer = payment.input.sourceType === 'demo.receipt';
    payment.input = {
      ...payment.input,
      lines: customer
        ? [
            { purpose: payment.input.journal === 'cash' ? 'cash' : 'bank', debit: paid },
            { purpose: 'receivable', partyId, credit: paid },
          ]
        : [
            { purpose: 'payable', partyId, debit: paid },
            { purpose: 'bank', credit: paid },
          ],
    };
  }
  return plan.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
}
