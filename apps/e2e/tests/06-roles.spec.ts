import { expect, test } from '@playwright/test';
import { ADMIN, portalUrl, SALES, screenshot, signIn } from './support';

test('an admin creates a role, assigns it, and the salesperson sees the change at once', async ({
  page,
  browser,
}) => {
  // The salesperson is signed in elsewhere, before the change.
  const salesContext = await browser.newContext();
  const sales = await salesContext.newPage();
  await signIn(sales, SALES);
  const salesNav = sales.getByRole('navigation', { name: 'Navegación principal' });
  await expect(salesNav.getByRole('link', { name: 'Auditoría' })).toHaveCount(0);

  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Roles y permisos' }).click();
  await page.getByRole('link', { name: 'Nuevo rol' }).click();
  await page.getByRole('textbox', { name: /^Clave/ }).fill('auditor-interno');
  await page.getByRole('textbox', { name: /^Nombre/ }).fill('Auditor interno');
  const rule = page.getByRole('group', { name: 'Regla 1' });
  await rule.getByLabel('Recurso').fill('audit.log');
  await rule.getByLabel('Recurso').press('Enter');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page).toHaveURL(/\/admin\/roles\/auditor-interno$/);
  await expect(page.getByRole('heading', { name: 'Auditor interno', level: 1 })).toBeVisible();

  // Assign it to the salesperson.
  await page.goto(`${portalUrl()}/admin/users`);
  await page.getByRole('button', { name: `Roles de ${SALES.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Roles de ${SALES.name}` });
  await dialog.getByLabel('Roles').click();
  await page.getByRole('option', { name: 'Auditor interno' }).click();
  // Close the options list (it stays open for more picks).
  await dialog.getByRole('heading', { name: `Roles de ${SALES.name}` }).click();
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(
    page
      .getByRole('table', { name: 'Personas' })
      .getByRole('row', { name: new RegExp(SALES.name) }),
  ).toContainText('Auditor interno');

  // "Explain" agrees: the salesperson may now read the audit log, by the new role.
  await page.goto(`${portalUrl()}/admin/roles/auditor-interno`);
  const explain = page.getByRole('region', { name: '¿Puede hacerlo?' });
  await explain.getByLabel('Persona').click();
  await page.getByRole('option', { name: new RegExp(SALES.name) }).click();
  await explain.getByLabel('Recurso').click();
  await page.getByRole('option', { name: 'Auditoría (audit.log)', exact: true }).click();
  await explain.getByRole('button', { name: 'Explicar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Permitido' })).toContainText(
    'auditor-interno',
  );
  await screenshot(page, 'roles-editor');

  // The salesperson's next page shows it, without signing in again.
  await sales.reload();
  await salesNav.getByRole('link', { name: 'Auditoría' }).click();
  await expect(sales.getByRole('table', { name: 'Auditoría' })).toBeVisible();
  await expect(sales.getByRole('table', { name: 'Auditoría' })).toContainText(
    'Asignación de roles',
  );
  await screenshot(sales, 'salesperson-with-new-role');
  await salesContext.close();
});
