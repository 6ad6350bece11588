import { expect, test } from '@playwright/test';
import { ADMIN, column, screenshot, signIn } from './support';

test('drags an opportunity to the next stage and sees it on its timeline', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/crm\/pipeline/);
  const card = column(page, 'Nuevo').getByRole('listitem').first();
  const title = (await card.getAttribute('aria-label')) ?? '';
  expect(title).not.toBe('');

  await card.dragTo(column(page, 'Calificado'));
  await expect(column(page, 'Calificado').getByRole('listitem', { name: title })).toBeVisible();
  await expect(column(page, 'Nuevo').getByRole('listitem', { name: title })).toHaveCount(0);
  await expect(page.getByText(`«${title}» pasó a «Calificado»`)).toBeVisible();
  await screenshot(page, 'pipeline-after-drag');

  // Still there after a reload: the API kept the move.
  await page.reload();
  await expect(column(page, 'Calificado').getByRole('listitem', { name: title })).toBeVisible();

  await column(page, 'Calificado').getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(async () => {
    await page.getByRole('button', { name: 'Actualizar' }).click();
    await expect(page.getByText(`${title}: de «Nuevo» a «Calificado»`)).toBeVisible({
      timeout: 1000,
    });
  }).toPass();
  await screenshot(page, 'opportunity-timeline');
});

test('moves a card with the keyboard too', async ({ page }) => {
  await signIn(page, ADMIN);
  const card = column(page, 'Propuesta enviada').getByRole('listitem').first();
  const title = (await card.getAttribute('aria-label')) ?? '';
  await card.getByRole('button', { name: `Mover «${title}»` }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Negociación' }).click();
  await expect(column(page, 'Negociación').getByRole('listitem', { name: title })).toBeVisible();
});
