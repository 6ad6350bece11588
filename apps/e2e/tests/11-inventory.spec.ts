import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, screenshot, signIn } from './support';

const ITEM = 'ALM-YER-CP-1000 · Yerba mate con palo 1 kg';
const WAREHOUSE = 'E2E · Depósito E2E';

/** Picks an option of a Mantine select (its options live outside the dialog). */
async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Types part of an item's name into the item picker and picks it. */
async function pickItem(page: Page, picker: Locator): Promise<void> {
  await picker.fill('Yerba mate con palo');
  await page.getByRole('option', { name: ITEM }).click();
}

/** Drafts an operation from the operations list, then posts it after the confirmation. */
async function draftAndPost(
  page: Page,
  kind: 'Ajuste' | 'Transferencia',
  fill: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page.getByRole('link', { name: 'Ajustes y transferencias' }).click();
  await page.getByRole('button', { name: 'Nueva operación' }).click();
  await page.getByRole('menuitem', { name: kind }).click();
  const dialog = page.getByRole('dialog', {
    name: `Nuev${kind === 'Ajuste' ? 'o' : 'a'} ${kind.toLowerCase()}`,
  });
  await choose(page, dialog.getByRole('combobox', { name: /^Depósito/ }), WAREHOUSE);
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Guardar borrador' }).click();
  await expect(page.getByRole('heading', { name: `${kind} (borrador)` })).toBeVisible();
  await page.getByRole('button', { name: 'Confirmar' }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirmar' });
  await confirm.getByRole('button', { name: 'Confirmar' }).click();
  await expect(page.getByText('Operación confirmada')).toBeVisible();
  await expect(page.getByRole('heading', { name: new RegExp(`^${kind} (AJ|TR)-`) })).toBeVisible();
}

test('the admin receives stock by adjustment, transfers it, counts it and reads the kardex', async ({
  page,
}) => {
  await signIn(page, ADMIN);

  // A warehouse with two locations.
  await page.getByRole('link', { name: 'Depósitos' }).click();
  await page.getByRole('button', { name: 'Nuevo depósito' }).click();
  let dialog = page.getByRole('dialog', { name: 'Nuevo depósito' });
  await dialog.getByRole('textbox', { name: /^Código/ }).fill('E2E');
  await dialog.getByRole('textbox', { name: /^Nombre/ }).fill('Depósito E2E');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('table', { name: 'Depósitos' }).getByRole('link', { name: 'E2E' }).click();
  await expect(page.getByRole('heading', { name: 'Depósito E2E' })).toBeVisible();
  const locations = page.getByRole('table', { name: 'Ubicaciones' });
  for (const [code, name] of [
    ['A', 'Estante A'],
    ['B', 'Estante B'],
  ] as const) {
    await page.getByRole('button', { name: 'Nueva ubicación' }).click();
    dialog = page.getByRole('dialog', { name: 'Nueva ubicación' });
    await dialog.getByRole('textbox', { name: /^Código/ }).fill(code);
    await dialog.getByRole('textbox', { name: /^Nombre/ }).fill(name);
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect(dialog).toBeHidden();
    await expect(locations.getByRole('row', { name: new RegExp(`E2E/${code}`) })).toContainText(
      name,
    );
  }

  // Initial stock by adjustment: 10 into E2E/A at its cost.
  await draftAndPost(page, 'Ajuste', async (d) => {
    await choose(page, d.getByRole('combobox', { name: /^Ubicación/ }), 'E2E/A');
    await choose(page, d.getByRole('combobox', { name: /^Motivo/ }), 'Stock inicial');
    await pickItem(page, d.getByRole('combobox', { name: /^Artículo/ }));
    await d.getByRole('textbox', { name: /^Cantidad/ }).fill('10');
    await d.getByRole('textbox', { name: /^Costo unitario/ }).fill('3350');
  });

  // 4 of them move to E2E/B.
  await draftAndPost(page, 'Transferencia', async (d) => {
    await choose(page, d.getByRole('combobox', { name: /^Origen/ }), 'E2E/A');
    await choose(page, d.getByRole('combobox', { name: /^Destino/ }), 'E2E/B');
    await pickItem(page, d.getByRole('combobox', { name: /^Artículo/ }));
    await d.getByRole('textbox', { name: /^Cantidad/ }).fill('4');
  });

  // A count of the whole warehouse: 6 typed on A, 3 scanned on B (one is missing).
  await page.getByRole('link', { name: 'Recuentos' }).click();
  await page.getByRole('button', { name: 'Nuevo recuento' }).click();
  dialog = page.getByRole('dialog', { name: 'Nuevo recuento' });
  await choose(page, dialog.getByRole('combobox', { name: /^Depósito/ }), WAREHOUSE);
  await dialog.getByRole('button', { name: 'Crear' }).click();
  await page.getByRole('button', { name: 'Empezar recuento' }).click();
  await page
    .getByRole('dialog', { name: 'Empezar recuento' })
    .getByRole('button', { name: 'Empezar recuento' })
    .click();
  await expect(page.getByText('Recuento empezado')).toBeVisible();
  const sheet = page.getByRole('table', { name: 'Planilla de recuento' });
  const rowA = sheet.getByRole('row', { name: /E2E\/A/ });
  const rowB = sheet.getByRole('row', { name: /E2E\/B/ });
  await expect(rowA).toContainText('Yerba mate con palo');
  await expect(rowA.getByRole('cell').nth(3)).toHaveText('6');
  await expect(rowB.getByRole('cell').nth(3)).toHaveText('4');

  const counted = rowA.getByRole('textbox', { name: /^Contado/ });
  await counted.fill('6');
  await counted.press('Enter');
  await expect(rowA.getByRole('cell').nth(5)).toHaveText('0');

  // The scanner types the SKU and Enter into the focused field.
  const scanner = page.getByRole('textbox', { name: /^Código de barras o SKU/ });
  await choose(page, page.getByRole('combobox', { name: 'Ubicación' }), 'E2E/B');
  await page.getByRole('textbox', { name: 'Cantidad' }).fill('3');
  await scanner.fill('ALM-YER-CP-1000');
  await scanner.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '3 contados' })).toBeVisible();
  await expect(scanner).toBeFocused();
  await expect(rowB.getByRole('cell').nth(5)).toHaveText('-1');
  await screenshot(page, 'inventory-count');

  await page.getByRole('button', { name: 'Confirmar recuento' }).click();
  dialog = page.getByRole('dialog', { name: 'Confirmar recuento' });
  await expect(dialog).toContainText('Se ajustarán 1 líneas con diferencia');
  await dialog.getByRole('button', { name: 'Confirmar recuento' }).click();
  await expect(page.getByText('Recuento confirmado')).toBeVisible();

  // The kardex: in 10 by the adjustment, out 1 by the count; 9 left in the warehouse.
  await page.getByRole('link', { name: 'Movimientos y kardex' }).click();
  await expect(page.getByRole('table', { name: 'Movimientos de stock' })).toContainText('E2E/B');
  await page.getByRole('link', { name: 'Kardex', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kardex' })).toBeVisible();
  await pickItem(page, page.getByRole('combobox', { name: /^Artículo/ }));
  await choose(page, page.getByRole('combobox', { name: 'Depósito' }), WAREHOUSE);
  const kardex = page.getByRole('table', { name: 'Kardex' });
  // Only the moves into and out of E2E (the demo company's own warehouse has stock too).
  await expect(kardex).not.toContainText('CEN');
  const bySource = (source: string) =>
    kardex.getByRole('row').filter({ has: page.getByRole('cell', { name: source, exact: true }) });
  await expect(bySource('Ajuste')).toContainText('+10');
  await expect(bySource('Recuento')).toContainText('-1');
  // Date, source, from, to, lot, quantity, unit cost, value, balance: the admin sees costs.
  await expect(kardex.getByRole('row').last().getByRole('cell').nth(8)).toHaveText('9');
  await screenshot(page, 'inventory-kardex');

  // Stock by location: what the count left on each shelf.
  await page.getByRole('link', { name: 'Stock', exact: true }).click();
  // The kardex has a warehouse picker too: wait for the stock page before using its own.
  const stock = page.getByRole('table', { name: 'Stock por ubicación' });
  await expect(stock).toBeVisible();
  await choose(page, page.getByRole('combobox', { name: 'Depósito' }), WAREHOUSE);
  await expect(stock.getByRole('row', { name: /E2E\/A/ })).toContainText('Yerba mate con palo');
  await expect(
    stock
      .getByRole('row', { name: /E2E\/A/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('6');
  await expect(
    stock
      .getByRole('row', { name: /E2E\/B/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('3');

  // A min/max rule for the warehouse: 9 is below the minimum of 12, so it suggests buying.
  await page.getByRole('link', { name: 'Reposición' }).click();
  await page.getByRole('button', { name: 'Nueva regla' }).click();
  dialog = page.getByRole('dialog', { name: 'Nueva regla' });
  await pickItem(page, dialog.getByRole('combobox', { name: /^Artículo/ }));
  await choose(page, dialog.getByRole('combobox', { name: /^Depósito/ }), WAREHOUSE);
  await dialog.getByRole('textbox', { name: /^Mínimo/ }).fill('12');
  await dialog.getByRole('textbox', { name: /^Máximo/ }).fill('30');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
  const suggestions = page.getByRole('table', { name: 'Sugerencias de compra' });
  await expect(suggestions.getByRole('row', { name: /Depósito E2E/ })).toContainText(
    'Yerba mate con palo',
  );
  await expect(
    suggestions
      .getByRole('row', { name: /Depósito E2E/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('21');

  // The item's page: its stock per warehouse, and the way to its kardex.
  await page.getByRole('link', { name: 'Artículos', exact: true }).click();
  await page.getByRole('textbox', { name: 'Buscar' }).fill('Yerba mate con palo');
  await page.getByRole('link', { name: 'Yerba mate con palo 1 kg' }).click();
  const panel = page.getByRole('table', { name: 'Stock' });
  await expect(panel.getByRole('row', { name: /Depósito E2E/ })).toContainText('9');
  await expect(page.getByRole('link', { name: 'Kardex', exact: true })).toHaveAttribute(
    'href',
    /\/inventory\/kardex\?itemId=/,
  );
});
