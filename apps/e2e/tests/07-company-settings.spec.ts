import { expect, test } from '@playwright/test';
import { ADMIN, screenshot, signIn } from './support';

test('the admin renames the company, adds a currency and changes a number series', async ({
  page,
}) => {
  const name = 'Distribuidora Del Plata Renovada';
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Empresa' }).click();
  await expect(page.getByRole('heading', { name: 'Datos de la empresa' })).toBeVisible();

  await page.getByRole('textbox', { name: /^Nombre/ }).fill(name);
  await page.getByRole('combobox', { name: 'Otras monedas aceptadas' }).click();
  await page.getByRole('option', { name: 'USD · Dólar estadounidense' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Datos de la empresa guardados')).toBeVisible();
  // The shell is drawn from the session: the new name shows there at once.
  await expect(page.getByLabel('Empresa', { exact: true })).toHaveText(name);

  // A series: started here, then its prefix changed; its next number only moves forward.
  const series = page.getByRole('table', { name: 'Numeración de comprobantes' });
  await page.getByRole('button', { name: 'Nueva serie' }).click();
  let dialog = page.getByRole('dialog', { name: 'Nueva serie' });
  await dialog.getByRole('textbox', { name: 'Prefijo' }).fill('FA-');
  await dialog.getByRole('textbox', { name: /^Próximo número/ }).fill('120');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(series.getByRole('row', { name: /Factura/ })).toContainText('FA-00000120');

  await series.getByRole('button', { name: 'Editar: Factura A' }).click();
  dialog = page.getByRole('dialog', { name: 'Factura A' });
  await dialog.getByRole('textbox', { name: 'Prefijo' }).fill('FC-');
  await dialog.getByRole('textbox', { name: /^Próximo número/ }).fill('100');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Ese número ya se emitió en esta serie');
  await dialog.getByRole('textbox', { name: /^Próximo número/ }).fill('121');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(series.getByRole('row', { name: /Factura/ })).toContainText('FC-00000121');

  // The catalog's taxes are part of the settings.
  await expect(page.getByRole('table', { name: 'Impuestos' })).toContainText('IVA 21%');

  // All of it was kept.
  await page.reload();
  await expect(page.getByRole('textbox', { name: /^Nombre/ })).toHaveValue(name);
  // The accepted currency, as a pill of the multi-select (its options are hidden).
  await expect(
    page.locator('.mantine-Pill-label').filter({ hasText: 'USD · Dólar estadounidense' }),
  ).toBeVisible();
  await expect(series).toContainText('FC-00000121');
  await screenshot(page, 'company-settings');

  // The tax id is named as the chosen country names it (nothing saved here).
  await expect(page.getByRole('textbox', { name: 'CUIT' })).toBeVisible();
  await page.getByRole('combobox', { name: 'País' }).click();
  await page.getByRole('option', { name: 'España' }).click();
  await expect(page.getByRole('textbox', { name: 'NIF' })).toBeVisible();
});
