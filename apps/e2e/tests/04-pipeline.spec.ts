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

test('drops a card between two cards, and it stays there', async ({ page }) => {
  await signIn(page, ADMIN);
  const titles = (stage: string) =>
    column(page, stage)
      .locator('[data-card-id]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label') ?? ''));
  const target = column(page, 'Calificado').locator('[data-card-id]');
  await expect(target).not.toHaveCount(0);
  const before = await titles('Calificado');
  expect(before.length).toBeGreaterThanOrEqual(2);

  // Released on the lower half of the first card: between the first and the second.
  const moving = column(page, 'Negociación').locator('[data-card-id]').last();
  const title = (await moving.getAttribute('aria-label')) ?? '';
  const first = target.first();
  const box = await first.boundingBox();
  await moving.dragTo(first, { targetPosition: { x: 40, y: (box?.height ?? 80) * 0.8 } });
  const expected = [before[0], title, ...before.slice(1)];
  await expect.poll(() => titles('Calificado')).toEqual(expected);

  // Within its own column: the last card released on the top of the first goes first.
  const last = target.last();
  const lastTitle = (await last.getAttribute('aria-label')) ?? '';
  await last.dragTo(target.first(), { targetPosition: { x: 40, y: 4 } });
  const reordered = [lastTitle, ...expected.filter((t) => t !== lastTitle)];
  await expect.poll(() => titles('Calificado')).toEqual(reordered);

  // The API ranked them so: the order survives a reload.
  await page.reload();
  await expect.poll(() => titles('Calificado')).toEqual(reordered);
  await screenshot(page, 'pipeline-drop-between');
});
