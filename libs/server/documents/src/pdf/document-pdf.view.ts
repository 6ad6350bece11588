/**
 * What a commercial document's PDF shows, as plain data: the caller (a sales or purchasing
 * module) fills it from the document, its company and its party; the renderer only lays it
 * out. Every amount is a decimal string ("1234.50"), never a JavaScript number, so what
 * the PDF prints is exactly what the kit computed.
 */

/** The languages a document prints in (the party's language). */
export type DocumentPdfLanguage = 'es' | 'en';

/** A decimal amount as a string: digits, an optional minus sign and decimal point ("-12.5"). */
export type DecimalString = string;

export interface DocumentPdfCompany {
  /** Trade name, printed large in the header. */
  name: string;
  /** Legal name (razón social). */
  legalName: string;
  /** Tax id as it must print, e.g. "30-71234567-8". */
  taxId: string;
  addressLines: string[];
  /** Tax condition text, e.g. "IVA Responsable Inscripto". */
  taxCondition: string;
  /** Further legal lines of the issuer (gross-income number, start of activities…). */
  extraLines?: string[];
  /**
   * The company's logo: PNG or JPEG bytes, or a `data:image/png|jpeg;base64,` URL. Nothing
   * else (no paths, no URLs): the renderer neither reads files nor fetches.
   */
  logo?: Buffer | Uint8Array | string;
}

export interface DocumentPdfParty {
  name: string;
  taxId?: string;
  addressLines: string[];
  taxCondition?: string;
}

export interface DocumentPdfLine {
  description: string;
  quantity: DecimalString;
  /** Unit of measure as it prints ("u", "kg", "h"). */
  unit: string;
  unitPrice: DecimalString;
  /** Discount in percent ("10" is 10 %); omitted or "0" prints nothing. */
  discountPercent?: DecimalString;
  /** The line's net amount (after discount, before taxes). */
  lineNet: DecimalString;
  /** The line's tax, as it prints ("IVA 21%"). */
  taxLabel: string;
}

export interface DocumentPdfTax {
  /** "IVA 21%", "Percepción IIBB", "Recargo de equivalencia 5,2%". */
  label: string;
  base: DecimalString;
  amount: DecimalString;
}

export interface DocumentPdfTotals {
  net: DecimalString;
  taxes: DecimalString;
  /** Withholdings kept back by the buyer (Spain's IRPF), printed subtracted when not zero. */
  withheld?: DecimalString;
  /** The rounding difference of per-document rounding, printed when present and not zero. */
  roundingDifference?: DecimalString;
  total: DecimalString;
}

export interface DocumentPdfInstallment {
  /** ISO date, YYYY-MM-DD. */
  dueDate: string;
  amount: DecimalString;
}

export interface DocumentPdfView {
  /** The document kind as it prints: "Factura A", "Invoice", "Presupuesto". */
  title: string;
  /** A letter in a box at the top centre (Argentina's A/B/C), with its code ("Cód. 01"). */
  letter?: { letter: string; code?: string };
  /** The document number as it prints, e.g. "00003-00000042". */
  number: string;
  /** ISO date, YYYY-MM-DD. */
  issueDate: string;
  /** ISO date, YYYY-MM-DD. */
  dueDate?: string;
  language: DocumentPdfLanguage;
  /** Locale for numbers and dates; defaults to es-AR for 'es' and en-US for 'en'. */
  locale?: string;
  company: DocumentPdfCompany;
  party: DocumentPdfParty;
  /** ISO 4217 code: the amounts' minor unit comes from it. */
  currency: string;
  lines: DocumentPdfLine[];
  taxes: DocumentPdfTax[];
  totals: DocumentPdfTotals;
  /** The total in words where the country expects it (see `amountInWords`). */
  totalInWords?: string;
  paymentTerms?: DocumentPdfInstallment[];
  /** Legal text printed at the end (authorisation code, regime notes…). */
  legalText?: string[];
  /** A QR code's payload (Argentina: `afipQrUrl(...)`), printed beside the legal text. */
  qr?: string;
}
