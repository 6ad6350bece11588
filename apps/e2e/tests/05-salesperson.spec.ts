import { expect, test } from '@playwright/test';
import { ADMIN, portalUrl, SALES, screenshot, signIn } from './support';

test('the salesperson sees the CRM and items, but neither item costs nor the administration menu', async ({
  page,
}) => {
  await signIn(page, SALES);
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  await expect(nav.getByRole('link', { name: 'Embudo de ventas' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Mis tareas' })).toBeVisible();
  await expect(nav.getByText('Administración')).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Roles y permisos' })).toHaveCount(0);
  await screenshot(page, 'salesperson');

  // Items: prices yes, costs no — not in the list, not in the detail.
  await nav.getByRole('link', { name: 'Artículos' }).click();
  const items = page.getByRole('table', { name: 'Artículos' });
  await expect(items.getByRole('columnheader', { name: /Precio de lista/ })).toBeVisible();
  await expect(items.getByRole('row').nth(1)).toBeVisible();
  await expect(items.getByRole('columnheader', { name: /Costo/ })).toHaveCount(0);
  await items.getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Precios', level: 2 })).toBeVisible();
  await expect(page.getByText('Precio de lista').first()).toBeVisible();
  await expect(page.getByText('Costo', { exact: true })).toHaveCount(0);
  await screenshot(page, 'salesperson-item-detail');

  // Typing the address does not help: the screen does not exist for them.
  await page.goto(`${portalUrl()}/admin/roles`);
  await expect(page.getByRole('heading', { name: 'No encontrado' })).toBeVisible();

  // My tasks: the seed gave Bruno open tasks.
  await page.goto(`${portalUrl()}/crm/tasks`);
  await expect(page.getByRole('heading', { name: 'Mis tareas', level: 1 })).toBeVisible();
  await expect(page.getByRole('checkbox').first()).toBeVisible();
});

test('the admin sees item costs', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto(`${portalUrl()}/catalog/items`);
  const items = page.getByRole('table', { name: 'Artículos' });
  await expect(items.getByRole('columnheader', { name: /Costo/ })).toBeVisible();
  await items.getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Precios', level: 2 })).toBeVisible();
  await expect(page.getByText('Costo', { exact: true }).first()).toBeVisible();
  await screenshot(page, 'item-detail');
});
