import { expect, test } from '@playwright/test';
import { ADMIN, screenshot, signIn } from './support';

test('converts a lead into a customer and an opportunity', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Prospectos' }).click();
  const table = page.getByRole('table', { name: 'Prospectos' });
  await expect(table).toContainText('Laura Díaz');
  await page.getByRole('button', { name: 'Convertir: Laura Díaz' }).click();

  const dialog = page.getByRole('dialog', { name: 'Convertir «Laura Díaz»' });
  await expect(dialog.getByRole('textbox', { name: /^Cliente/ })).toHaveValue('Panadería Díaz');
  await dialog.getByRole('textbox', { name: /^Título/ }).fill('Primer pedido — Panadería Díaz');
  await dialog.getByLabel('Importe').fill('185000');
  await dialog.getByRole('button', { name: 'Convertir' }).click();
  await expect(dialog.getByRole('status')).toContainText('Prospecto convertido');
  await screenshot(page, 'lead-converted');

  await dialog.getByRole('button', { name: 'Ver cliente' }).click();
  await expect(page.getByRole('heading', { name: 'Panadería Díaz', level: 1 })).toBeVisible();
  await expect(async () => {
    await page.getByRole('button', { name: 'Actualizar' }).click();
    await expect(page.getByText('Nueva oportunidad: Primer pedido — Panadería Díaz')).toBeVisible({
      timeout: 1000,
    });
  }).toPass();
});
