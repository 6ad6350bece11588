'use client';
import { Badge, Card, Grid, NavLink, Stack, Table, Title } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { EmptyBlock, LoadingBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { useState } from 'react';
import { api, listQuery } from '../../../../lib/api';
import { useMoney } from '../../../../lib/company';

/** Price lists on the left, the chosen one's rules on the right. */
export function PriceLists() {
  const { t, f } = useI18n();
  const money = useMoney();
  const lists = useApiQuery('price-lists', () =>
    api.GET('/api/v1/catalog/price-lists', {
      params: { query: listQuery({ limit: '200', sort: 'name' }) },
    }),
  );
  const [selected, setSelected] = useState<string | null>(null);
  const current = lists.data?.items.find((l) => l.id === selected) ?? lists.data?.items[0];
  const rules = useApiQuery(current ? `rules:${current.id}` : null, () =>
    api.GET('/api/v1/catalog/price-lists/{id}/rules', {
      params: { path: { id: current!.id }, query: listQuery({ limit: '200' }) },
    }),
  );
  const items = useApiQuery('items-all', () =>
    api.GET('/api/v1/catalog/items', { params: { query: listQuery({ limit: '200' }) } }),
  );
  const itemName = (id?: string | null) => items.data?.items.find((i) => i.id === id)?.name ?? '';
  return (
    <>
      <PageHeader title={t('priceList.title')} />
      <ProblemAlert problem={lists.problem} onRetry={lists.reload} />
      {!lists.data ? <LoadingBlock /> : null}
      {lists.data?.items.length === 0 ? <EmptyBlock /> : null}
      {current ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Card p="xs">
              <Stack gap={2} role="list" aria-label={t('priceList.title')}>
                {lists.data?.items.map((l) => (
                  <NavLink
                    key={l.id}
                    role="listitem"
                    label={l.name}
                    description={[l.currency, l.customerGroup].filter(Boolean).join(' · ')}
                    active={l.id === current.id}
                    onClick={() => setSelected(l.id)}
                    rightSection={l.active ? null : <Badge color="gray">—</Badge>}
                  />
                ))}
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card>
              <Title order={2} size="h4" mb="sm">
                {current.name}
              </Title>
              {rules.data?.items.length === 0 ? <EmptyBlock /> : null}
              {rules.data?.items.length ? (
                <Table aria-label={t('priceList.rules')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('priceList.item')}</Table.Th>
                      <Table.Th>{t('priceList.minQuantity')}</Table.Th>
                      <Table.Th>{t('priceList.price')}</Table.Th>
                      <Table.Th>{t('priceList.discount')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rules.data.items.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>{itemName(r.itemId)}</Table.Td>
                        <Table.Td>{f.number(r.minQuantity)}</Table.Td>
                        <Table.Td>{money(r.price, current.currency)}</Table.Td>
                        <Table.Td>
                          {r.discountPercent ? `${f.number(r.discountPercent)} %` : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
            </Card>
          </Grid.Col>
        </Grid>
      ) : null}
    </>
  );
}
