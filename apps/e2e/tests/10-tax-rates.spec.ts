import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, screenshot, signIn } from './support';

/** Picks an option of a Mantine select (its options live outside the dialog). */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the admin creates a withholding and a fixed excise, changes, deactivates and deletes taxes', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Empresa' }).click();
  const rates = page.getByRole('table', { name: 'Impuestos' });
  // VAT first.
  await expect(rates.getByRole('row').nth(1)).toContainText('IVA');

  // A withholding: no computation to choose, never in the price, a threshold and a minimum.
  await page.getByRole('button', { name: 'Nuevo impuesto' }).click();
  let dialog = page.getByRole('dialog', { name: 'Nuevo impuesto' });
  await expect(dialog.getByRole('textbox', { name: 'Base mínima' })).toHaveCount(0);
  await choose(page, dialog.getByRole('combobox', { name: /^Tipo/ }), 'Retención');
  await expect(dialog.getByRole('combobox', { name: 'Cálculo' })).toHaveCount(0);
  await expect(dialog.getByRole('switch', { name: 'Incluido en el precio' })).toHaveCount(0);
  await dialog.getByRole('textbox', { name: /^Código/ }).fill('ret_gan');
  await dialog.getByRole('textbox', { name: /^Nombre/ }).fill('Retención Ganancias');
  await dialog.getByRole('textbox', { name: 'Alícuota (%)' }).fill('2');
  await dialog.getByRole('textbox', { name: 'Base mínima' }).fill('67170');
  await dialog.getByRole('textbox', { name: 'Importe mínimo' }).fill('240');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  const withholding = rates.getByRole('row', { name: /Retención Ganancias/ });
  await expect(withholding).toContainText('2 %');
  await expect(withholding).toContainText(/67\.170,00/);
  await expect(withholding).toContainText(/mín\. \$\s240,00/);

  // A fixed amount per unit: no rate, no threshold. A code already taken is refused beside it.
  await page.getByRole('button', { name: 'Nuevo impuesto' }).click();
  dialog = page.getByRole('dialog', { name: 'Nuevo impuesto' });
  await choose(page, dialog.getByRole('combobox', { name: /^Tipo/ }), 'Impuesto interno');
  await choose(page, dialog.getByRole('combobox', { name: 'Cálculo' }), 'Monto fijo por unidad');
  await expect(dialog.getByRole('textbox', { name: 'Alícuota (%)' })).toHaveCount(0);
  await expect(dialog.getByRole('textbox', { name: 'Base mínima' })).toHaveCount(0);
  const code = dialog.getByRole('textbox', { name: /^Código/ });
  await code.fill('iva21');
  await dialog.getByRole('textbox', { name: /^Nombre/ }).fill('Interno bebidas');
  await dialog.getByRole('textbox', { name: 'Monto por unidad' }).fill('12.5');
  await choose(page, dialog.getByRole('combobox', { name: 'País' }), 'Argentina');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Ya existe un registro con esos datos');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await code.fill('int_bebidas');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  const excise = rates.getByRole('row', { name: /Interno bebidas/ });
  await expect(excise).toContainText('Impuesto interno');
  await expect(excise).toContainText(/\$\s12,50 por unidad/);
  await expect(excise).toContainText('Argentina');

  // Back to a percentage: the amount goes, the rate comes.
  await rates.getByRole('button', { name: 'Editar: Interno bebidas' }).click();
  dialog = page.getByRole('dialog', { name: 'Interno bebidas' });
  await expect(dialog.getByRole('textbox', { name: 'Monto por unidad' })).toHaveValue('12.5');
  await choose(page, dialog.getByRole('combobox', { name: 'Cálculo' }), 'Porcentaje');
  await expect(dialog.getByRole('textbox', { name: 'Monto por unidad' })).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'Alícuota (%)' }).fill('8.7');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
  await expect(excise).toContainText('8,7 %');
  await expect(excise).not.toContainText('por unidad');

  // Deactivated in place.
  await rates.getByRole('button', { name: 'Desactivar: Interno bebidas' }).click();
  await expect(page.getByText('Impuesto desactivado')).toBeVisible();
  await expect(excise).toContainText('Inactiva');
  await expect(rates.getByRole('button', { name: 'Activar: Interno bebidas' })).toBeVisible();
  await screenshot(page, 'tax-rates');

  // A tax the items use cannot be deleted; one nothing uses can.
  await rates.getByRole('button', { name: 'Eliminar: IVA 21%' }).click();
  dialog = page.getByRole('dialog', { name: 'Eliminar' });
  await dialog.getByRole('button', { name: 'Eliminar' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Este impuesto está en uso');
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(rates).toContainText('IVA 21%');

  await rates.getByRole('button', { name: 'Eliminar: Interno bebidas' }).click();
  dialog = page.getByRole('dialog', { name: 'Eliminar' });
  await dialog.getByRole('button', { name: 'Eliminar' }).click();
  await expect(page.getByText('Impuesto eliminado')).toBeVisible();
  await expect(rates).not.toContainText('Interno bebidas');
});
