import type { PostingPurpose } from '@nexo/contracts/accounts';

export type PaymentKind = 'receipt' | 'payment';
export type PaymentMethod = 'cash' | 'transfer' | 'card' | 'cheque' | 'withholding';

/**
 * The account a method books to, by purpose: cash to the till, transfers and cards to the
 * bank, cheques received to the portfolio (cheques given go out of the bank), withholdings
 * suffered on a receipt to their tax credit and withholdings applied on a payment to the
 * liability to pay them over.
 */
export function methodPurpose(kind: PaymentKind, method: PaymentMethod): PostingPurpose {
  switch (method) {
    case 'cash':
      return 'cash';
    case 'transfer':
    case 'card':
      return 'bank';
    case 'cheque':
      return kind === 'receipt' ? 'cheques_portfolio' : 'bank';
    case 'withholding':
      return kind === 'receipt' ? 'withholding_suffered' : 'withholding_applied';
  }
}

/** Receipts go to the cash journal when all of it is cash, else to the bank journal. */
export function paymentJournal(methods: readonly { method: PaymentMethod }[]): 'cash' | 'bank' {
  return methods.every((m) => m.method === 'cash') ? 'cash' : 'bank';
}
