'use client';
import { Anchor, Badge, Button, Card, Table, Text } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { LoadingBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { IconPlus } from '@tabler/icons-react';
import Link from 'next/link';
import { api } from '../../../../lib/api';

export function RoleList() {
  const { t } = useI18n();
  const canCreate = useCan('create', 'permissions.role');
  const roles = useApiQuery('roles', () => api.GET('/api/v1/permissions/roles'));
  return (
    <>
      <PageHeader
        title={t('roles.title')}
        actions={
          canCreate ? (
            <Button
              component={Link}
              href="/admin/roles/new"
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('roles.new')}
            </Button>
          ) : null
        }
      />
      <ProblemAlert problem={roles.problem} onRetry={roles.reload} />
      {!roles.data ? <LoadingBlock /> : null}
      <Card p={0}>
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('roles.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.name')}</Table.Th>
                <Table.Th>{t('roles.key')}</Table.Th>
                <Table.Th>{t('common.kind')}</Table.Th>
                <Table.Th>{t('roles.rules')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.data?.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>
                    <Anchor component={Link} href={`/admin/roles/${r.key}`} fw={600}>
                      {r.name}
                    </Anchor>
                    {r.description ? (
                      <Text size="xs" c="dimmed">
                        {r.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <code>{r.key}</code>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={r.system ? 'gray' : 'nexo'}>
                      {r.system ? t('roles.system') : t('roles.custom')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.rules.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </>
  );
}
