import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { createTranslator } from '@nexo/i18n';
import type { ReactNode } from 'react';
import { getLocale } from '../../lib/server';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = createTranslator(await getLocale());
  return (
    <Center
      mih="100vh"
      p="md"
      style={{
        background:
          'linear-gradient(135deg, var(--mantine-color-nexo-8) 0%, var(--mantine-color-nexo-5) 100%)',
      }}
    >
      <Stack w="100%" maw={420} gap="lg">
        <Stack gap={0} align="center">
          <Title order={2} c="white" style={{ letterSpacing: 2 }}>
            NEXO
          </Title>
          <Text c="white" opacity={0.85} size="sm">
            {t('app.tagline')}
          </Text>
        </Stack>
        <Paper p="xl" radius="lg" shadow="xl" withBorder={false}>
          <main>{children}</main>
        </Paper>
      </Stack>
    </Center>
  );
}
