'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createFormatters, type Formatters } from './format';
import { createTranslator, type Locale, type Translate } from './translate';

interface I18nValue {
  locale: Locale;
  t: Translate;
  f: Formatters;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider(props: {
  locale: Locale;
  timeZone?: string | undefined;
  children: ReactNode;
}): ReactNode {
  const value = useMemo(
    () => ({
      locale: props.locale,
      t: createTranslator(props.locale),
      f: createFormatters(props.locale, props.timeZone),
    }),
    [props.locale, props.timeZone],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** `const { t, f, locale } = useI18n()` in any client component under `I18nProvider`. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
