import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const ADMIN = {
  email: 'admin@demo.nexo.test',
  password: 'nexo-demo-admin',
  name: 'Ana Álvarez',
};
export const SALES = {
  email: 'ventas@demo.nexo.test',
  password: 'nexo-demo-ventas',
  name: 'Bruno Benítez',
};

export const portalUrl = (): string => {
  const url = process.env.NEXO_PORTAL_URL;
  if (!url) throw new Error('NEXO_PORTAL_URL is set by the global setup');
  return url;
};

const SCREENSHOTS = path.resolve(import.meta.dirname, '../screenshots');

/** Every journey leaves a picture of where it ended (apps/e2e/screenshots, ignored by git). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Signs in through the form, as a person does, and waits for the app shell. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${portalUrl()}/login`);
  await page.getByLabel('Correo electrónico').fill(who.email);
  await page.getByLabel('Contraseña').fill(who.password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await expect(page.getByRole('button', { name: 'Menú de usuario' })).toBeVisible();
}

/** The kanban column of a stage. */
export const column = (page: Page, stage: string) =>
  page
    .locator('section[data-stage-id]')
    .filter({ has: page.getByRole('heading', { name: stage, exact: true }) });
