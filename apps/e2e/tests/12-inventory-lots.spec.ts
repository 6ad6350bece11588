import { expect, test } from '@playwright/test';
import { ADMIN, screenshot, signIn } from './support';

/**
 * Traceability and corrections (issue 26): a dairy lot of the demo company, where it came
 * from (the opening stock adjustment); then a posted move undone by its reverse move, which
 * the ledger shows beside it and refuses to undo twice.
 */
test('the admin traces a lot and reverses a move', async ({ page }) => {
  await signIn(page, ADMIN);

  await page.getByRole('link', { name: 'Lotes y series' }).click();
  await expect(page.getByRole('heading', { name: 'Lotes y series' })).toBeVisible();
  const lots = page.getByRole('table', { name: 'Lotes y series' });
  const first = lots.getByRole('link').first();
  const code = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { name: `Trazabilidad ${code}` })).toBeVisible();
  const trace = page.getByRole('table', { name: 'Trazabilidad' });
  // It came in with the opening stock, from the adjustment location.
  await expect(trace.getByRole('link', { name: /ajuste/i }).first()).toBeVisible();
  await expect(trace.getByText('Ajustes de inventario').first()).toBeVisible();
  await screenshot(page, '12-lot-trace');

  await page.getByRole('link', { name: 'Movimientos' }).click();
  const moves = page.getByRole('table', { name: 'Movimientos de stock' });
  await moves.getByRole('button', { name: 'Revertir' }).first().click();
  const confirm = page.getByRole('dialog', { name: 'Revertir' });
  await confirm.getByRole('button', { name: 'Revertir' }).click();
  await expect(confirm).toBeHidden();
  // The reversal is the newest move now, marked as such.
  await expect(moves.getByText('Reversión').first()).toBeVisible();
  await screenshot(page, '12-move-reversed');
});
