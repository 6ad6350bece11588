import { expect, test, type APIResponse, type Locator, type Page } from '@playwright/test';
import { ADMIN, portalUrl, screenshot, signIn } from './support';

interface Account {
  id: string;
  code: string;
  name: string;
  type: string;
  heading: boolean;
  active: boolean;
}

/** A call to the API through the portal, as the signed-in person. */
async function call(
  page: Page,
  method: 'get' | 'post',
  path: string,
  data?: unknown,
): Promise<unknown> {
  const response: APIResponse = await page.request[method](`${portalUrl()}${path}`, {
    headers: { origin: portalUrl() },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.ok(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBe(true);
  return response.json();
}

/** Picks an option of a Mantine select after typing part of it. */
async function pick(page: Page, select: Locator, text: string, option: string): Promise<void> {
  await select.click();
  await select.fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

/** The first account of a type that takes entries. */
const firstOf = (accounts: Account[], type: string): Account => {
  const found = accounts.find((a) => a.type === type && !a.heading && a.active);
  if (!found) throw new Error(`No ${type} account in the chart`);
  return found;
};

/** A calendar day where the browser is (the portal's "today" is the reader's). */
const day = (date: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Argentina/Buenos_Aires' }).format(date);

test('records a receipt against two invoices, allocates it and prints the statement', async ({
  page,
}) => {
  // The statement view asks the browser to print: remember it instead of opening a dialog.
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await signIn(page, ADMIN);

  // The books are open (installing the chart again keeps what exists).
  await call(page, 'post', '/api/v1/accounts/chart/install', { country: 'AR' });
  const chart = (await call(page, 'get', '/api/v1/accounts/accounts?limit=200&sort=code')) as {
    items: Account[];
  };
  const receivable = firstOf(chart.items, 'receivable');
  const income = firstOf(chart.items, 'income');
  const cash = firstOf(chart.items, 'cash');
  const journals = (await call(page, 'get', '/api/v1/accounts/journals')) as {
    items: { id: string; kind: string }[];
  };
  const sales = journals.items.find((j) => j.kind === 'sales') ?? journals.items[0]!;

  // A customer with two invoices posted through the entries API: 1000 due at the start of
  // the month and 500 due today.
  const name = `Cliente Contable ${Date.now()}`;
  const party = (await call(page, 'post', '/api/v1/crm/parties', {
    kind: 'organization',
    name,
    isCustomer: true,
  })) as { id: string };
  const today = day(new Date());
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  for (const [date, amount] of [
    [firstOfMonth, '1000.00'],
    [today, '500.00'],
  ] as const) {
    await call(page, 'post', '/api/v1/accounts/entries', {
      journalId: sales.id,
      date,
      description: `Factura ${amount}`,
      post: true,
      lines: [
        { accountId: receivable.id, partyId: party.id, debit: amount, dueDate: date },
        { accountId: income.id, credit: amount },
      ],
    });
  }

  // The aging before the receipt: the customer owes 1.500.
  await page.getByRole('link', { name: 'Vencimientos' }).click();
  const aging = page.getByRole('table', { name: 'Vencimientos' });
  await expect(aging.getByRole('row', { name: new RegExp(name) })).toContainText('1.500,00');
  await screenshot(page, 'accounts-aging-before');

  // The receipt, through the manual entry form: cash in, the customer's receivable out.
  await page.getByRole('link', { name: 'Asientos' }).click();
  await page.getByRole('link', { name: 'Nuevo asiento' }).click();
  await expect(page.getByRole('heading', { name: 'Nuevo asiento' })).toBeVisible();
  const line1 = page.getByRole('group', { name: 'Líneas 1' });
  const line2 = page.getByRole('group', { name: 'Líneas 2' });
  await pick(
    page,
    line1.getByRole('combobox', { name: /^Cuenta/ }),
    cash.code,
    `${cash.code} · ${cash.name}`,
  );
  await line1.getByRole('textbox', { name: 'Debe' }).fill('1500');
  await expect(page.getByRole('status', { name: 'Diferencia' })).toContainText('Diferencia');
  await pick(
    page,
    line2.getByRole('combobox', { name: /^Cuenta/ }),
    receivable.code,
    `${receivable.code} · ${receivable.name}`,
  );
  await pick(page, line2.getByRole('combobox', { name: /^Cliente o proveedor/ }), name, name);
  await line2.getByRole('textbox', { name: 'Haber' }).fill('1500');
  await expect(page.getByRole('status', { name: 'Diferencia' })).toContainText('Balancea');
  await page.getByRole('textbox', { name: 'Descripción' }).first().fill('Cobranza');
  await page.getByRole('button', { name: 'Registrar' }).click();
  await expect(page.getByText('Asiento registrado')).toBeVisible();
  await expect(page.getByText('Registrado', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Líneas' })).toContainText(name);

  // The party's page shows its current account; the full one has the three open items.
  await page.goto(`${portalUrl()}/crm/parties/${party.id}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Comprobantes pendientes' })).toBeVisible();
  await page.getByRole('link', { name: 'Ver cuenta corriente' }).click();
  await expect(page.getByRole('heading', { name: `Cuenta corriente de ${name}` })).toBeVisible();
  const items = page.getByRole('table', { name: 'Comprobantes pendientes' });
  await expect(items.getByRole('row')).toHaveCount(4);

  // The receipt settles both invoices.
  await items.getByRole('radio', { name: /^Pago o crédito/ }).check();
  const charges = items.getByRole('checkbox', { name: /^Cargo/ });
  await expect(charges).toHaveCount(2);
  await charges.nth(0).check();
  await charges.nth(1).check();
  await page.getByRole('button', { name: 'Imputar' }).click();
  await expect(page.getByText('Imputación registrada')).toBeVisible();
  await expect(page.getByText('No hay comprobantes pendientes.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Imputaciones' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByText(/^Saldo [A-Z]{3}$/).locator('..')).toContainText('0,00');
  await screenshot(page, 'accounts-current-account');

  // The aging no longer has the customer.
  await page.getByRole('link', { name: 'Vencimientos' }).click();
  await expect(page.getByRole('heading', { name: 'Vencimientos' })).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);

  // The statement for the year, printed: its lines and the closing balance.
  await page.goto(`${portalUrl()}/accounts/parties/${party.id}`);
  const statement = page.getByRole('table', { name: 'Resumen de cuenta' });
  await expect(statement).toContainText('Cobranza');
  await page.getByRole('link', { name: 'Imprimir' }).click();
  await expect(page.getByRole('heading', { name: `Resumen de cuenta de ${name}` })).toBeVisible();
  const printed = page.getByRole('table', { name: 'Resumen de cuenta' });
  await expect(printed).toContainText('Factura 1000.00');
  await expect(printed).toContainText('Factura 500.00');
  await expect(printed).toContainText('Cobranza');
  await expect(printed.getByRole('row')).toHaveCount(6);
  await expect(page.getByLabel('Saldo final')).toContainText('0,00');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
    .toBe(1);
  await screenshot(page, 'accounts-statement');
});
