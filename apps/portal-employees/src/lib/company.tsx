'use client';
import { useI18n } from '@nexo/i18n';
import { createContext, useCallback, useContext, type ReactNode } from 'react';

/** What the portal knows of the signed-in person's company: read once, by the shell. */
export interface Company {
  /** The base currency (ISO 4217); null when the person's roles may not read it. */
  currency: string | null;
}

const CompanyContext = createContext<Company | null>(null);

export function CompanyProvider(props: { company: Company; children: ReactNode }): ReactNode {
  return <CompanyContext.Provider value={props.company}>{props.children}</CompanyContext.Provider>;
}

/**
 * The company's base currency: the one of amounts whose record names none (items carry
 * `currency`, parties `creditLimitCurrency`) and the first choice for a new record's. Never
 * assumed: null when unknown.
 */
export function useCompanyCurrency(): string | null {
  const company = useContext(CompanyContext);
  if (!company) throw new Error('useCompanyCurrency outside CompanyProvider');
  return company.currency;
}

export type Money = (amount: string | null | undefined, currency?: string | null) => string;

/**
 * `money(amount, record.currency)`: an exact decimal in the record's currency, else in the
 * company's, else as a plain number (`''` without an amount).
 */
export function useMoney(): Money {
  const { f } = useI18n();
  const companyCurrency = useCompanyCurrency();
  return useCallback<Money>(
    (amount, currency) => f.money(amount, currency || companyCurrency),
    [f, companyCurrency],
  );
}
