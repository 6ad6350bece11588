import { expect, test } from '@playwright/test';
import { ADMIN, screenshot, signIn } from './support';

test('the admin enters an exchange rate, imports a CSV with a bad row and deletes a rate', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Empresa' }).click();
  await expect(page.getByRole('heading', { name: 'Tipos de cambio' })).toBeVisible();

  // A rate typed in: USD is one of the accepted currencies, or typed when none is.
  await page.getByRole('button', { name: 'Nuevo tipo de cambio' }).click();
  let dialog = page.getByRole('dialog', { name: 'Nuevo tipo de cambio' });
  const pick = dialog.getByRole('combobox', { name: /^Moneda/ });
  if (await pick.count()) {
    await pick.click();
    await page.getByRole('option', { name: 'USD' }).click();
  } else await dialog.getByRole('textbox', { name: /^Moneda/ }).fill('USD');
  await dialog.getByLabel(/^Fecha/).fill('2026-03-01');
  await dialog.getByRole('textbox', { name: /^Tipo de cambio/ }).fill('1050.5');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  const rates = page.getByRole('table', { name: 'Tipos de cambio' });
  await expect(rates.getByRole('row', { name: /USD/ })).toContainText('1 USD = 1.050,5 ARS');

  // A CSV with a bad line: nothing is imported until only the valid rows are asked for.
  await page.getByRole('button', { name: 'Importar CSV' }).click();
  dialog = page.getByRole('dialog', { name: 'Importar CSV' });
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'tipos.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('currency,date,rate\nUSD,2026-03-02,1061.25\nEUR,2026-03-02,-1\n'),
  });
  await dialog.getByRole('button', { name: 'Importar CSV' }).click();
  await expect(dialog.getByRole('status')).toContainText('0 de 2 tipos de cambio importados');
  await expect(dialog.getByRole('status')).toContainText('Línea 3, rate');
  await dialog
    .getByRole('switch', { name: 'Importar las filas válidas aunque haya errores' })
    .check();
  await dialog.getByRole('button', { name: 'Importar CSV' }).click();
  await expect(dialog.getByRole('status')).toContainText('1 de 2 tipos de cambio importados');
  await dialog.getByRole('button', { name: 'Cerrar' }).click();
  await expect(rates).toContainText('1 USD = 1.061,25 ARS');
  await expect(rates).toContainText('CSV');
  await screenshot(page, 'exchange-rates');

  // Deleted after a confirmation.
  await rates.getByRole('button', { name: /^Eliminar: USD 1 mar 2026/ }).click();
  dialog = page.getByRole('dialog', { name: 'Eliminar' });
  await dialog.getByRole('button', { name: 'Eliminar' }).click();
  await expect(page.getByText('Tipo de cambio eliminado')).toBeVisible();
  await expect(rates).not.toContainText('1.050,5');
  await expect(rates).toContainText('1.061,25');
});
