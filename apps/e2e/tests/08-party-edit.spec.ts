import { expect, test } from '@playwright/test';
import { ADMIN, portalUrl, screenshot, signIn } from './support';

test('edits a party’s details, and is told when someone changed it meanwhile', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto(`${portalUrl()}/crm/parties`);
  await page.getByRole('textbox', { name: 'Buscar', exact: true }).fill('Supermercado El Sol');
  await page.getByRole('link', { name: 'Supermercado El Sol' }).click();
  await expect(page.getByRole('heading', { name: 'Supermercado El Sol', level: 1 })).toBeVisible();
  const id = page.url().split('/').at(-1) ?? '';

  await page.getByRole('button', { name: 'Editar datos' }).click();
  let dialog = page.getByRole('dialog', { name: 'Editar datos' });
  await dialog.getByRole('textbox', { name: 'Teléfono' }).fill('+54 11 4222-0101');
  await dialog.getByRole('textbox', { name: 'Grupo de clientes' }).fill('Mayoristas');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Datos guardados')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('+54 11 4222-0101')).toBeVisible();
  await expect(page.getByText('Mayoristas', { exact: true })).toBeVisible();

  // Someone else saves while this person edits: their change is loaded, not overwritten.
  await page.getByRole('button', { name: 'Editar datos' }).click();
  dialog = page.getByRole('dialog', { name: 'Editar datos' });
  await dialog.getByRole('textbox', { name: 'Teléfono' }).fill('+54 11 4222-0202');
  const current = await page.request.get(`${portalUrl()}/api/v1/crm/parties/${id}`);
  const theirs = await page.request.patch(`${portalUrl()}/api/v1/crm/parties/${id}`, {
    headers: { origin: portalUrl(), 'if-match': current.headers().etag ?? '' },
    data: { phone: '+54 11 4999-0000' },
  });
  expect(theirs.status()).toBe(200);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Otra persona cambió este registro');
  await expect(dialog.getByRole('textbox', { name: 'Teléfono' })).toHaveValue('+54 11 4999-0000');
  await dialog.getByRole('textbox', { name: 'Teléfono' }).fill('+54 11 4222-0202');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('+54 11 4222-0202')).toBeVisible();
  await screenshot(page, 'party-edit');
});
