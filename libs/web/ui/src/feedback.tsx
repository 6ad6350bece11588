'use client';
import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { issueMessage, problemMessage, useI18n, type ProblemLike } from '@nexo/i18n';
import { IconAlertTriangle, IconCheck, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** An API problem, in the person's language, where the failed action was. */
export function ProblemAlert(props: {
  problem: ProblemLike | null | undefined;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  if (props.problem === undefined) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      title={problemMessage(props.problem, t)}
    >
      {props.problem?.issues?.length ? (
        <Stack gap={2}>
          {props.problem.issues.map((i) => (
            <Text key={`${i.path}:${i.code}`} size="sm">
              {i.path}: {issueMessage(i, t)}
            </Text>
          ))}
        </Stack>
      ) : null}
      {props.onRetry ? (
        <Button size="xs" variant="light" color="red" mt="xs" onClick={props.onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}

export function EmptyBlock(props: { title?: string; children?: ReactNode; action?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Paper p="xl" radius="md" withBorder style={{ borderStyle: 'dashed' }}>
      <Stack align="center" gap="xs">
        <IconInbox size={36} stroke={1.4} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text fw={600}>{props.title ?? t('common.empty')}</Text>
        {props.children ? (
          <Text c="dimmed" size="sm" ta="center">
            {props.children}
          </Text>
        ) : null}
        {props.action}
      </Stack>
    </Paper>
  );
}

export function LoadingBlock(props: { label?: string }) {
  const { t } = useI18n();
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{props.label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function PageHeader(props: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={2}>
        <Title order={1} size="h2">
          {props.title}
        </Title>
        {props.subtitle ? <Text c="dimmed">{props.subtitle}</Text> : null}
      </Stack>
      {props.actions ? <Group gap="xs">{props.actions}</Group> : null}
    </Group>
  );
}

export const notify = {
  success(message: string) {
    notifications.show({ color: 'teal', message, icon: <IconCheck size={18} aria-hidden /> });
  },
  error(message: string) {
    notifications.show({
      color: 'red',
      message,
      icon: <IconAlertTriangle size={18} aria-hidden />,
      autoClose: 8000,
    });
  },
};
