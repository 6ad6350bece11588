'use client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { nexoTheme } from './theme';

/** Mantine with NEXO's theme and the notifications outlet; wrap the whole app in it. */
export function UiProvider(props: { children: ReactNode }): ReactNode {
  return (
    <MantineProvider theme={nexoTheme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      {props.children}
    </MantineProvider>
  );
}
