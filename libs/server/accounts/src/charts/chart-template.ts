import type { AccountType, PostingPurpose } from '@nexo/contracts/accounts';

/** One account of a chart template; `parent` names its parent's code. */
export interface ChartAccount {
  code: string;
  name: string;
  type: AccountType;
  /** The parent's code; absent on the chart's top groups. */
  parent?: string;
  /** A heading groups accounts and takes no entries; only leaves are postable. */
  heading?: boolean;
}

/**
 * A country's starting chart of accounts: the tree of accounts a new company gets, and the
 * leaf account each posting purpose defaults to.
 */
export interface ChartTemplate {
  /** ISO country code ('AR', 'ES', 'MX', 'CL'), or '*' for the generic chart. */
  country: string;
  name: { es: string; en: string };
  accounts: readonly ChartAccount[];
  /** For every posting purpose, the code of a leaf account of this chart. */
  defaults: Readonly<Record<PostingPurpose, string>>;
}
