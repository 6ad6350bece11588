import { expect, test } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { ADMIN, column, portalUrl, screenshot, signIn } from './support';

test('the admin signs in and lands on the demo company’s pipeline', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/crm\/pipeline/);
  await expect(page.getByRole('heading', { name: 'Embudo de ventas', level: 1 })).toBeVisible();
  await expect(page.getByText('Distribuidora Del Plata')).toBeVisible();
  for (const stage of ['Nuevo', 'Calificado', 'Propuesta enviada', 'Negociación'])
    await expect(column(page, stage)).toBeVisible();
  await expect(column(page, 'Nuevo').getByRole('listitem').first()).toBeVisible();
  // The browser holds no token: the session cookie is httpOnly and sealed.
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'nexo_session');
  expect(session?.httpOnly).toBe(true);
  expect(await page.evaluate(() => document.cookie)).not.toContain('nexo_session');
  await screenshot(page, 'pipeline');
});

test('a wrong password is told in Spanish, from the API’s problem', async ({ page }) => {
  await page.goto(`${portalUrl()}/login`);
  await page.getByLabel('Correo electrónico').fill(ADMIN.email);
  await page.getByLabel('Contraseña').fill('not-the-password');
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await expect(page.getByRole('alert', { name: 'Correo o contraseña incorrectos.' })).toBeVisible();
});

/** The newest mail to `to` in the API's mail drop (no SMTP configured). */
async function mailTo(to: string): Promise<string> {
  const dir = path.join(process.env.NEXO_E2E_DATA_DIR ?? '', 'mail');
  const files = (await readdir(dir))
    .filter((f) => f.includes(to.replace(/[^a-z0-9@.]/gi, '_')))
    .sort();
  const last = files.at(-1);
  if (!last) throw new Error(`no mail to ${to}`);
  return readFile(path.join(dir, last), 'utf8');
}

test('an invited person joins, turns on two-step verification, and signs in with a code', async ({
  page,
  browser,
}) => {
  const email = `mfa.${Date.now()}@demo.nexo.test`;
  // The admin invites them from Administration.
  await signIn(page, ADMIN);
  await page.goto(`${portalUrl()}/admin/users`);
  await page.getByRole('button', { name: 'Invitar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invitar a una persona' });
  await dialog.getByLabel('Correo electrónico').fill(email);
  await dialog.getByRole('button', { name: 'Invitar' }).click();
  await expect(page.getByRole('table', { name: 'Invitaciones pendientes' })).toContainText(email);

  // They follow the link in the mail, in their own browser.
  await expect.poll(async () => (await mailTo(email).catch(() => '')).length).toBeGreaterThan(0);
  const token = /[?&]token=([^\s&]+)/.exec(await mailTo(email))?.[1];
  expect(token).toBeTruthy();
  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(`${portalUrl()}/invitacion?token=${token}`);
  await invited.getByLabel('Nombre').fill('Carla Invitada');
  await invited.getByLabel('Contraseña').fill('una-clave-larga-y-segura-2026');
  await invited.getByRole('button', { name: 'Unirme' }).click();
  await expect(invited.getByRole('button', { name: 'Menú de usuario' })).toBeVisible();

  // Security: turn on TOTP with the secret the page shows.
  await invited.getByRole('button', { name: 'Menú de usuario' }).click();
  await invited.getByRole('menuitem', { name: 'Seguridad y MFA' }).click();
  await invited.getByRole('button', { name: 'Activar' }).click();
  const secret = (await invited.locator('#mfa code').first().textContent())?.trim() ?? '';
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  await invited.getByLabel('Código de verificación').fill(totp.generate());
  await invited.getByRole('button', { name: 'Confirmar' }).click();
  await expect(invited.getByText('Verificación en dos pasos activada')).toBeVisible();

  // Signing in again now asks for the code.
  await invited.getByRole('button', { name: 'Menú de usuario' }).click();
  await invited.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
  await expect(invited).toHaveURL(/\/login/);
  await invited.getByLabel('Correo electrónico').fill(email);
  await invited.getByLabel('Contraseña').fill('una-clave-larga-y-segura-2026');
  await invited.getByRole('button', { name: 'Ingresar' }).click();
  await expect(invited.getByRole('heading', { name: 'Verificación en dos pasos' })).toBeVisible();
  await screenshot(invited, 'mfa-step');
  await invited.getByLabel('Código de verificación').fill(totp.generate());
  await expect(invited.getByRole('button', { name: 'Menú de usuario' })).toBeVisible();
  await expect(invited).toHaveURL(/\/crm\/pipeline/);
  await context.close();
});
