'use client';
import { Badge, Code, Popover, Text, UnstyledButton } from '@mantine/core';
import { SUBJECTS } from '@nexo/contracts';
import { codeLabel, useI18n } from '@nexo/i18n';
import { DataTable, PageHeader } from '@nexo/ui';
import { api, listQuery } from '../../../../lib/api';

/** Every context's subjects: what an audit entry's resource may be. */
const RESOURCES = Object.keys(SUBJECTS);

/** Every change, who made it, before and after; searchable by record and action. */
export function AuditLog() {
  const { t, f } = useI18n();
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <DataTable
        load={(query) => api.GET('/api/v1/audit/log', { params: { query: listQuery(query) } })}
        id="audit"
        label={t('audit.title')}
        rowKey={(e) => e.id}
        defaultSort="-occurredAt"
        filters={[
          {
            key: 'resource',
            label: t('audit.resource'),
            options: RESOURCES.map((r) => ({ value: r, label: codeLabel(t, 'resource', r) })),
          },
        ]}
        columns={[
          {
            key: 'occurredAt',
            header: t('audit.occurredAt'),
            sortable: true,
            render: (e) => f.dateTime(e.occurredAt),
          },
          {
            key: 'action',
            header: t('audit.action'),
            render: (e) => <Badge variant="light">{codeLabel(t, 'audit.action', e.action)}</Badge>,
          },
          {
            key: 'resource',
            header: t('audit.resource'),
            render: (e) => codeLabel(t, 'resource', e.resource),
          },
          {
            key: 'resourceId',
            header: t('audit.resourceId'),
            hidden: true,
            render: (e) => (
              <Text size="xs" ff="monospace">
                {e.resourceId}
              </Text>
            ),
          },
          { key: 'actor', header: t('audit.user'), render: (e) => codeLabel(t, 'actor', e.actor) },
          {
            key: 'changes',
            header: t('audit.changes'),
            render: (e) => (
              <Popover width={420} position="left" withArrow shadow="md">
                <Popover.Target>
                  <UnstyledButton
                    aria-label={`${t('audit.changes')}: ${codeLabel(t, 'audit.action', e.action)} ${codeLabel(t, 'resource', e.resource)}`}
                  >
                    <Text size="sm" c="nexo.7" td="underline">
                      {t('common.view')}
                    </Text>
                  </UnstyledButton>
                </Popover.Target>
                <Popover.Dropdown>
                  <Text size="xs" fw={700}>
                    {t('audit.before')}
                  </Text>
                  <Code block mah={160} style={{ overflow: 'auto' }}>
                    {JSON.stringify(e.before, null, 2)}
                  </Code>
                  <Text size="xs" fw={700} mt="xs">
                    {t('audit.after')}
                  </Text>
                  <Code block mah={160} style={{ overflow: 'auto' }}>
                    {JSON.stringify(e.after, null, 2)}
                  </Code>
                </Popover.Dropdown>
              </Popover>
            ),
          },
        ]}
      />
    </>
  );
}
