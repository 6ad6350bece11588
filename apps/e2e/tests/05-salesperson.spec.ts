import { expect, test } from '@playwright/test';
import { portalUrl, SALES, screenshot, signIn } from './support';

test('the salesperson sees the CRM but not the administration menu', async ({ page }) => {
  await signIn(page, SALES);
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  await expect(nav.getByRole('link', { name: 'Embudo de ventas' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Mis tareas' })).toBeVisible();
  await expect(nav.getByText('Administración')).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Roles y permisos' })).toHaveCount(0);
  await screenshot(page, 'salesperson');

  // Typing the address does not help: the screen does not exist for them.
  await page.goto(`${portalUrl()}/admin/roles`);
  await expect(page.getByRole('heading', { name: 'No encontrado' })).toBeVisible();

  // My tasks: the seed gave Bruno open tasks.
  await page.goto(`${portalUrl()}/crm/tasks`);
  await expect(page.getByRole('heading', { name: 'Mis tareas', level: 1 })).toBeVisible();
  await expect(page.getByRole('checkbox').first()).toBeVisible();
});
