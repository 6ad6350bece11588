'use client';
import { Badge, Group, Text, Timeline as MantineTimeline } from '@mantine/core';
import type { components } from '@nexo/api-client';
import { hasMessage, useI18n } from '@nexo/i18n';
import {
  IconArrowRight,
  IconCalendarEvent,
  IconCheck,
  IconMail,
  IconNote,
  IconPhone,
  IconSparkles,
} from '@tabler/icons-react';
import { EmptyBlock } from '@nexo/ui';

type Item = components['schemas']['TimelineItem'];

const ACTIVITY_ICONS = {
  task: <IconCheck size={12} aria-hidden />,
  call: <IconPhone size={12} aria-hidden />,
  meeting: <IconCalendarEvent size={12} aria-hidden />,
  note: <IconNote size={12} aria-hidden />,
  email: <IconMail size={12} aria-hidden />,
} as const;

/** A party's or an opportunity's feed: activities and events, newest first. */
export function Timeline(props: { items: Item[] }) {
  const { t, f } = useI18n();
  if (props.items.length === 0) return <EmptyBlock title={t('timeline.none')} />;
  return (
    <MantineTimeline bulletSize={22} lineWidth={2} aria-label={t('party.timeline')}>
      {props.items.map((item) => {
        const activity = item.activity;
        const key = `timeline.${item.type}`;
        const data = (item.data ?? {}) as Record<string, string | number | null>;
        const title = activity
          ? activity.subject
          : hasMessage(key)
            ? t(key, {
                ...data,
                status: data.status
                  ? t(`opportunity.status.${data.status}` as 'opportunity.status.won')
                  : '',
              })
            : item.type;
        return (
          <MantineTimeline.Item
            key={item.id}
            bullet={
              activity?.kind ? (
                ACTIVITY_ICONS[activity.kind]
              ) : item.type.endsWith('stage-changed') ? (
                <IconArrowRight size={12} aria-hidden />
              ) : (
                <IconSparkles size={12} aria-hidden />
              )
            }
            title={
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {title}
                </Text>
                {activity?.kind ? (
                  <Badge size="xs" variant="light">
                    {t(`activity.kind.${activity.kind}`)}
                  </Badge>
                ) : null}
              </Group>
            }
          >
            {activity?.body ? (
              <Text size="sm" c="dimmed" lineClamp={3}>
                {activity.body}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt={2}>
              <time dateTime={String(item.at)}>{f.dateTime(item.at)}</time>
            </Text>
          </MantineTimeline.Item>
        );
      })}
    </MantineTimeline>
  );
}
