'use client';
import { I18nProvider, type Locale } from '@nexo/i18n';
import { UiProvider, useZodLocale } from '@nexo/ui';
import type { ReactNode } from 'react';

export function Providers(props: { locale: Locale; children: ReactNode }) {
  useZodLocale(props.locale);
  return (
    <I18nProvider locale={props.locale}>
      <UiProvider>{props.children}</UiProvider>
    </I18nProvider>
  );
}
