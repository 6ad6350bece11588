import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { createTranslator } from '@nexo/i18n';
import Link from 'next/link';
import { getLocale } from '../lib/server';

export default async function NotFound() {
  const t = createTranslator(await getLocale());
  return (
    <Center mih="60vh">
      <Stack align="center">
        <Title order={1}>{t('notFound.title')}</Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <Button component={Link} href="/">
          {t('common.back')}
        </Button>
      </Stack>
    </Center>
  );
}
