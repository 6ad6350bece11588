'use client';
import { Anchor, Badge, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { problemMessage, useI18n } from '@nexo/i18n';
import {
  asProblem,
  EmptyBlock,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useApiQuery,
} from '@nexo/ui';
import Link from 'next/link';
import { api, listQuery } from '../../../../lib/api';

/** Open tasks assigned to me, soonest due first; ticking one closes it at once. */
export function MyTasks() {
  const { t, f } = useI18n();
  const tasks = useApiQuery('my-tasks', () =>
    api.GET('/api/v1/crm/activities/my-tasks', { params: { query: listQuery({ limit: '100' }) } }),
  );
  const now = Date.now();
  return (
    <>
      <PageHeader title={t('tasks.title')} />
      <ProblemAlert problem={tasks.problem} onRetry={tasks.reload} />
      {!tasks.data ? <LoadingBlock /> : null}
      {tasks.data?.items.length === 0 ? <EmptyBlock title={t('tasks.none')} /> : null}
      <Stack gap="xs">
        {tasks.data?.items.map((task) => {
          const overdue = task.dueAt && new Date(task.dueAt).getTime() < now;
          return (
            <Card key={task.id} padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <Checkbox
                  label={task.subject}
                  aria-label={t('activity.markDone', { subject: task.subject })}
                  onChange={async () => {
                    // Optimistic: the task leaves the list at once; it comes back if refused.
                    tasks.setData(
                      (d) => d && { ...d, items: d.items.filter((x) => x.id !== task.id) },
                    );
                    const { error } = await api.PATCH('/api/v1/crm/activities/{id}', {
                      params: {
                        path: { id: task.id },
                        header: { 'If-Match': `"${task.version}"` },
                      },
                      body: { done: true },
                    });
                    if (error) {
                      notify.error(problemMessage(asProblem(error), t));
                      tasks.reload();
                    } else notify.success(t('tasks.completed'));
                  }}
                />
                <Group gap="xs" wrap="nowrap">
                  {task.opportunityId ? (
                    <Anchor
                      component={Link}
                      href={`/crm/opportunities/${task.opportunityId}`}
                      size="sm"
                    >
                      {t('nav.opportunities')}
                    </Anchor>
                  ) : task.partyId ? (
                    <Anchor component={Link} href={`/crm/parties/${task.partyId}`} size="sm">
                      {t('nav.parties')}
                    </Anchor>
                  ) : null}
                  {task.dueAt ? (
                    <Badge variant="light" color={overdue ? 'red' : 'gray'}>
                      {overdue ? `${t('activity.overdue')} · ` : ''}
                      {f.relative(task.dueAt)}
                    </Badge>
                  ) : null}
                </Group>
              </Group>
              {task.body ? (
                <Text size="sm" c="dimmed" ml={32}>
                  {task.body}
                </Text>
              ) : null}
            </Card>
          );
        })}
      </Stack>
    </>
  );
}
