import { expect, test } from '@playwright/test';
import { ADMIN, portalUrl, screenshot, signIn } from './support';

test('creates a party with a contact and opens its detail', async ({ page }) => {
  const name = `Almacén Prueba ${Date.now()}`;
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Clientes y proveedores' }).click();
  await expect(page.getByRole('table', { name: 'Clientes y proveedores' })).toBeVisible();
  await page.getByRole('button', { name: 'Nuevo cliente o proveedor' }).click();

  const dialog = page.getByRole('dialog', { name: 'Nuevo cliente o proveedor' });
  await dialog
    .getByRole('textbox', { name: /^Nombre/ })
    .first()
    .fill(name);
  await dialog.getByLabel('Razón social').fill(`${name} S.R.L.`);
  await dialog.getByLabel('Correo electrónico').first().fill('compras@almacen-prueba.test');
  await dialog.getByLabel('Nuevo contacto 1: Nombre').fill('Julieta Prueba');
  await dialog.getByLabel('Cargo').fill('Compras');
  await dialog.getByRole('button', { name: 'Crear' }).click();

  await expect(page).toHaveURL(/\/crm\/parties\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: /Contactos/ }).click();
  const contacts = page.getByRole('table', { name: 'Contactos' });
  await expect(contacts).toContainText('Julieta Prueba');
  await expect(contacts).toContainText('Compras');
  // The creation reaches the party's timeline through the event bus.
  await expect(async () => {
    await page.getByRole('button', { name: 'Actualizar' }).click();
    await expect(page.getByText(`Se creó ${name}`)).toBeVisible({ timeout: 1000 });
  }).toPass();
  await screenshot(page, 'party-detail');

  // And it is found from the list's search.
  await page.goto(`${portalUrl()}/crm/parties`);
  await page.getByRole('textbox', { name: 'Buscar', exact: true }).fill(name);
  await expect(page.getByRole('link', { name })).toBeVisible();
});
