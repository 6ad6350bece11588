'use client';
import { Badge, Card, Grid, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import { EmptyBlock, Field, LoadingBlock, PageHeader, ProblemAlert, useApiQuery } from '@nexo/ui';
import { api, listQuery } from '../../../../../lib/api';
import { useMoney } from '../../../../../lib/company';
import { ItemStock } from './item-stock';

/** An item with its prices, units and variants; cost only for roles that may read it. */
export function ItemDetail(props: { id: string }) {
  const { t, f } = useI18n();
  const money = useMoney();
  const canCost = useCan('read', 'catalog.item', 'cost');
  const canStock = useCan('read', 'inventory.stock');
  const path = { params: { path: { id: props.id } } };
  const item = useApiQuery(`item:${props.id}`, () => api.GET('/api/v1/catalog/items/{id}', path));
  const variants = useApiQuery(`variants:${props.id}`, () =>
    api.GET('/api/v1/catalog/items/{id}/variants', {
      params: { path: { id: props.id }, query: listQuery({ limit: '100' }) },
    }),
  );
  const units = useApiQuery('units', () =>
    api.GET('/api/v1/catalog/units', { params: { query: listQuery({ limit: '200' }) } }),
  );
  const unit = (id?: string | null) => units.data?.items.find((u) => u.id === id)?.code ?? '';
  const i = item.data;
  if (!i)
    return item.problem !== undefined ? <ProblemAlert problem={item.problem} /> : <LoadingBlock />;
  return (
    <>
      <PageHeader
        title={i.name}
        subtitle={
          <>
            <code>{i.sku}</code> · {i.kind ? t(`item.kind.${i.kind}`) : ''}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card>
            <Title order={2} size="h5" mb="sm">
              {t('item.prices')}
            </Title>
            <SimpleGrid cols={2}>
              <Field label={t('item.listPrice')} value={money(i.listPrice, i.currency)} />
              {canCost ? <Field label={t('item.cost')} value={money(i.cost, i.currency)} /> : null}
              {/* List price less cost: an amount in the company's currency, not a percentage. */}
              {canCost ? (
                <Field label={t('item.margin')} value={money(i.margin, i.currency)} />
              ) : null}
              <Field label={t('item.barcode')} value={i.barcode} />
              <Field label={t('item.unit')} value={unit(i.unitId)} />
              <Field label={t('common.updated')} value={f.dateTime(i.updatedAt)} />
            </SimpleGrid>
            {i.description ? (
              <Text size="sm" c="dimmed" mt="md">
                {i.description}
              </Text>
            ) : null}
          </Card>
          <Card mt="lg">
            <Title order={2} size="h5" mb="sm">
              {t('item.units')}
            </Title>
            <Table aria-label={t('item.units')}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>{unit(i.unitId)}</Table.Td>
                  <Table.Td>1</Table.Td>
                </Table.Tr>
                {(i.conversions ?? []).map((c) => (
                  <Table.Tr key={c.unitId}>
                    <Table.Td>{unit(c.unitId)}</Table.Td>
                    <Table.Td>
                      {t('item.factor')} {f.number(c.factor)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card>
            <Title order={2} size="h5" mb="sm">
              {t('item.variants')}
            </Title>
            {variants.data?.items.length === 0 ? <EmptyBlock title={t('item.noVariants')} /> : null}
            {variants.data?.items.length ? (
              <Table aria-label={t('item.variants')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('item.sku')}</Table.Th>
                    <Table.Th>{t('item.attributes')}</Table.Th>
                    <Table.Th>{t('item.listPrice')}</Table.Th>
                    {canCost ? <Table.Th>{t('item.cost')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {variants.data.items.map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td>
                        <code>{v.sku}</code>
                      </Table.Td>
                      <Table.Td>
                        {Object.entries(v.attributes ?? {}).map(([k, val]) => (
                          <Badge key={k} variant="light" mr={4}>
                            {k}: {val}
                          </Badge>
                        ))}
                      </Table.Td>
                      <Table.Td>{money(v.listPrice, v.currency)}</Table.Td>
                      {canCost ? <Table.Td>{money(v.cost, v.currency)}</Table.Td> : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </Card>
          {canStock && i.kind === 'stockable' ? <ItemStock itemId={i.id} /> : null}
        </Grid.Col>
      </Grid>
    </>
  );
}
