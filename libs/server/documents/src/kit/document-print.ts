import { dueDates, PaymentTermsSchema } from '@nexo/commerce';
import { Money, type RoundingMode } from '@nexo/utils';
import { amountInWords } from '../pdf/amount-in-words.js';
import type {
  DocumentPdfCompany,
  DocumentPdfParty,
  DocumentPdfView,
} from '../pdf/document-pdf.view.js';
import type { DocumentLineRow, DocumentRow } from './document-type.js';

/**
 * What a document type adds to a document to print it: its title in the party's language,
 * the company's and the party's legal data, and the country's letter, legal text and QR.
 * The kit fills in the rest from the document itself.
 */
export interface DocumentPrint {
  title: string;
  letter?: { letter: string; code?: string };
  /** The number as it prints, when the country formats it (`00001-00000042`). */
  number?: string;
  company: DocumentPdfCompany;
  party: DocumentPdfParty;
  legalText?: string[];
  qr?: string;
  /** Print the total in words (Argentina, Mexico). */
  totalInWords?: boolean;
  locale?: string;
}

type Printable = Partial<DocumentRow> & { lines: DocumentLineRow[] } & {
  currency: string;
  language: string;
  documentDate: string;
  total: string;
};

interface TaxOnLine {
  name: string;
}
interface BreakdownEntry {
  name: string;
  base: string;
  amount: string;
}

/** The PDF's data for a document: lines, tax breakdown, totals and terms as the kit keeps them. */
export function documentPdfView(doc: Printable, print: DocumentPrint): DocumentPdfView {
  const language = doc.language === 'en' ? 'en' : 'es';
  const total = Money.of(doc.total, doc.currency);
  const terms = PaymentTermsSchema.safeParse(doc.paymentTerms);
  const schedule = terms.success
    ? dueDates(terms.data, doc.documentDate, total, (doc.roundingMode ?? 'half-up') as RoundingMode)
    : undefined;
  return {
    title: print.title,
    ...(print.letter ? { letter: print.letter } : {}),
    number: print.number ?? doc.number ?? (language === 'es' ? 'BORRADOR' : 'DRAFT'),
    issueDate: doc.documentDate,
    ...(doc.dueDate ? { dueDate: doc.dueDate } : {}),
    language,
    ...(print.locale ? { locale: print.locale } : {}),
    company: print.company,
    party: print.party,
    currency: doc.currency,
    lines: doc.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      lineNet: l.net,
      taxLabel: (l.taxes as TaxOnLine[]).map((t) => t.name).join(', '),
    })),
    taxes: ((doc.taxBreakdown ?? []) as BreakdownEntry[]).map((b) => ({
      label: b.name,
      base: b.base,
      amount: b.amount,
    })),
    totals: {
      net: doc.net ?? '0',
      taxes: doc.taxes ?? '0',
      withheld: doc.withheld ?? '0',
      roundingDifference: doc.rounding ?? '0',
      total: doc.total,
    },
    ...(print.totalInWords
      ? { totalInWords: amountInWords(total.round().toString(), doc.currency, language) }
      : {}),
    ...(schedule
      ? {
          paymentTerms: schedule.installments.map((i) => ({
            dueDate: i.dueDate,
            amount: i.amount.toString(),
          })),
        }
      : {}),
    ...(print.legalText ? { legalText: print.legalText } : {}),
    ...(print.qr ? { qr: print.qr } : {}),
  };
}

/** The email that carries a document's PDF, in the document's language. */
export function documentMail(
  doc: { number: string | null; total: string; currency: string; language: string },
  title: string,
  companyName: string,
  message?: string,
): { subject: string; text: string } {
  const total = Money.of(doc.total, doc.currency);
  const number = doc.number ?? '';
  if (doc.language === 'en')
    return {
      subject: `${title} ${number} from ${companyName}`,
      text: `${message ? `${message}\n\n` : ''}Please find attached ${title.toLowerCase()} ${number} for ${total.format('en-US')}.\n\n${companyName}\n`,
    };
  return {
    subject: `${title} ${number} de ${companyName}`,
    text: `${message ? `${message}\n\n` : ''}Adjuntamos ${title.toLowerCase()} ${number} por ${total.format('es-AR')}.\n\n${companyName}\n`,
  };
}
