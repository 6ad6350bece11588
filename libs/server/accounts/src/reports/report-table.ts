import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';

/** A report as rows of cells: text, or amounts as decimal strings (never floats). */
export interface ReportTable {
  title: string;
  columns: readonly string[];
  /** Which columns hold amounts (written as numbers in XLSX when exact, else as text). */
  amountColumns: ReadonlySet<number>;
  rows: readonly (readonly (string | null)[])[];
}

export function tableCsv(table: ReportTable): Buffer {
  return Buffer.from(stringify([[...table.columns], ...table.rows.map((r) => [...r])]));
}

/**
 * A spreadsheet cell for an amount: a number when the decimal survives the trip through a
 * double unchanged (so a spreadsheet can add it), text otherwise; nothing is rounded.
 */
export function amountCell(
  value: string | null,
): { value: number | string; type: NumberConstructor | StringConstructor } | null {
  if (value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) && String(number) === normalize(value)
    ? { value: number, type: Number }
    : { value, type: String };
}

function normalize(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/^0+(?=\d)/, '');
  const result = `${sign}${digits}${trimmed ? `.${trimmed}` : ''}`;
  return result === '-0' ? '0' : result;
}

export async function tableXlsx(table: ReportTable): Promise<Buffer> {
  const data: SheetData = [
    table.columns.map((c) => ({ value: c, fontWeight: 'bold' as const })),
    ...table.rows.map((row) =>
      row.map((cell, i) =>
        table.amountColumns.has(i) ? amountCell(cell) : cell === null ? null : { value: cell },
      ),
    ),
  ];
  return writeXlsxFile(data, { sheet: table.title.slice(0, 31) }).toBuffer();
}
