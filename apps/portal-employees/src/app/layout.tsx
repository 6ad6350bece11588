import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './global.css';
import { ColorSchemeScript } from '@mantine/core';
import { createTranslator } from '@nexo/i18n';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getLocale } from '../lib/server';
import { Providers } from './providers';

export async function generateMetadata(): Promise<Metadata> {
  const t = createTranslator(await getLocale());
  return { title: { default: 'NEXO', template: '%s · NEXO' }, description: t('app.tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <ColorSchemeScript defaultColorScheme="light" />
      </head>
      <body>
        <Providers locale={locale}>{children}</Providers>
      </body>
    </html>
  );
}
