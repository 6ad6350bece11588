import { Inject, Injectable } from '@nestjs/common';
import { DomainError, currentPrincipal } from '@nexo/platform';
import { ExchangeRateRepository } from './exchange-rate.repository.js';
import { plainRate } from './exchange-rate.policy.js';

/** The rate that applies on a date: its value and the date it was entered for. */
export interface RateOn {
  /** 1 unit of the currency = `rate` units of the base currency, a decimal string. */
  rate: string;
  /** The date of that rate: the date asked about, or the latest before it. */
  rateDate: string;
}

/** A calendar day that exists (`2026-02-30` does not), as `YYYY-MM-DD`. */
const isDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/**
 * The company's exchange rates as other contexts read them, inside their own transaction and
 * for the request's company (the principal is ambient): a document converts its amounts with
 * `rateOn(currency, date)`. Only tenancy writes the rates.
 */
@Injectable()
export class ExchangeRates {
  constructor(@Inject(ExchangeRateRepository) private readonly rates: ExchangeRateRepository) {}

  /** The company's base currency, which every rate converts to. */
  async baseCurrency(): Promise<string> {
    const company = await this.rates.company(currentPrincipal().tenantId);
    if (!company) throw DomainError.notFound('Company');
    return company.currency;
  }

  /**
   * The rate of `currency` on `date` (`YYYY-MM-DD`): the latest entered on or before it; 1 for
   * the base currency, on the date asked; null when there is none.
   */
  async rateOn(currency: string, date: string): Promise<RateOn | null> {
    if (!isDate(date) || !/^[A-Z]{3}$/.test(currency))
      throw DomainError.validation([
        isDate(date)
          ? { path: 'currency', code: 'custom', message: 'An ISO 4217 code, e.g. USD' }
          : { path: 'date', code: 'custom', message: 'A date, YYYY-MM-DD' },
      ]);
    const tenantId = currentPrincipal().tenantId;
    if (currency === (await this.baseCurrency())) return { rate: '1', rateDate: date };
    const row = await this.rates.latestOn(tenantId, currency, date);
    return row ? { rate: plainRate(row.rate), rateDate: row.rateDate } : null;
  }
}
