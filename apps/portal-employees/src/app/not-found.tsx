'use client';
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import Link from 'next/link';

export default function NotFound() {
  const { t } = useI18n();
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
