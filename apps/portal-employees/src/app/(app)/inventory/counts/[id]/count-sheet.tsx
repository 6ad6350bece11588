'use client';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { codeLabel, problemMessage, useI18n } from '@nexo/i18n';
import { useCan } from '@nexo/session';
import {
  asProblem,
  Field,
  LoadingBlock,
  notify,
  PageHeader,
  ProblemAlert,
  useApiQuery,
  type ApiAnswer,
} from '@nexo/ui';
import { Quantity } from '@nexo/utils';
import { IconBarcode } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../../../lib/api';
import { ConfirmDialog } from '../../../../../components/inventory/confirm-dialog';
import {
  useItemNames,
  useLocations,
  useQuantity,
  useWarehouses,
} from '../../../../../components/inventory/stock-lookups';
import { STATE_COLORS } from '../../operations/operation-list';

type CountLine = components['schemas']['CountLine'];
type Action = 'start' | 'post' | 'cancel' | 'delete';
const QUANTITY = /^\d{1,14}(\.\d{1,6})?$/;

/**
 * A physical count, made for a tablet with a barcode scanner: the scanner types a code and
 * Enter into the focused field, which adds one (or the quantity) to that item's line; any
 * line's counted quantity can be typed too. Large targets; expected, counted and difference.
 */
export function CountSheet(props: { id: string }) {
  const { t, f } = useI18n();
  const router = useRouter();
  const qty = useQuantity();
  const canTransition = useCan('transition', 'inventory.count');
  const canCount = useCan('update', 'inventory.count');
  const canDelete = useCan('delete', 'inventory.count');
  const warehouses = useWarehouses();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const count = useApiQuery(`inventory:count:${props.id}`, () =>
    api.GET('/api/v1/inventory/counts/{id}', { params: { path: { id: props.id } } }),
  );
  const c = count.data;
  const locations = useLocations(c?.warehouseId ?? null);
  const lines = c?.lines ?? [];
  const items = useItemNames(lines.map((l) => l.itemId));
  const counting = c?.state === 'counting';

  const merge = (changed: CountLine[]) =>
    count.setData(
      (current) =>
        current && {
          ...current,
          lines: [
            ...(current.lines ?? []).map((l) => changed.find((x) => x.id === l.id) ?? l),
            ...changed.filter((x) => !(current.lines ?? []).some((l) => l.id === x.id)),
          ],
        },
    );

  if (!c)
    return count.problem !== undefined ? (
      <ProblemAlert problem={count.problem} />
    ) : (
      <LoadingBlock />
    );

  /** The count as it is now (its version moves with each count entered). */
  const fresh = async () =>
    (await api.GET('/api/v1/inventory/counts/{id}', { params: { path: { id: props.id } } })).data
      ?.version ?? c.version;
  const run = async (action: Action): Promise<ApiAnswer<unknown>> => {
    const params = {
      params: { path: { id: props.id }, header: { 'If-Match': `"${await fresh()}"` } },
    };
    switch (action) {
      case 'start':
        return api.POST('/api/v1/inventory/counts/{id}/start', params);
      case 'post':
        return api.POST('/api/v1/inventory/counts/{id}/post', params);
      case 'cancel':
        return api.POST('/api/v1/inventory/counts/{id}/cancel', params);
      case 'delete':
        return api.DELETE('/api/v1/inventory/counts/{id}', params);
    }
  };
  const actions: Action[] = [
    ...(canTransition && c.state === 'draft' ? ['start' as const] : []),
    ...(canTransition && counting ? ['post' as const] : []),
    ...(canTransition && (c.state === 'draft' || counting) ? ['cancel' as const] : []),
    ...(canDelete && c.state === 'draft' ? ['delete' as const] : []),
  ];
  const counted = lines.filter((l) => l.counted !== null).length;
  const differing = lines.filter((l) => l.difference && !Quantity.of(l.difference, 'u').isZero());
  const sorted = [...lines].sort(
    (a, b) =>
      locations.label(a.locationId).localeCompare(locations.label(b.locationId)) ||
      items.name(a.itemId).localeCompare(items.name(b.itemId)),
  );

  return (
    <>
      <PageHeader
        title={c.number ? `${t('inventory.count')} ${c.number}` : t('inventory.count')}
        subtitle={
          <Badge variant="light" size="lg" color={STATE_COLORS[c.state ?? ''] ?? 'gray'}>
            {codeLabel(t, 'inventory.state', c.state)}
          </Badge>
        }
        actions={actions.map((a) => (
          <Button
            key={a}
            size="lg"
            variant={a === 'cancel' || a === 'delete' ? 'light' : 'filled'}
            color={a === 'delete' || a === 'cancel' ? 'red' : undefined}
            onClick={() => setConfirming(a)}
          >
            {t(`inventory.countAction.${a}`)}
          </Button>
        ))}
      />
      <Card mb="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Field label={t('inventory.warehouse')} value={warehouses.name(c.warehouseId)} />
          <Field label={t('inventory.location')} value={locations.label(c.locationId)} />
          <Field label={t('inventory.date')} value={f.date(c.effectiveDate)} />
          <Field
            label={t('inventory.count.progress')}
            value={t('inventory.count.progressValue', {
              counted,
              lines: lines.length,
              differing: differing.length,
            })}
          />
        </SimpleGrid>
      </Card>
      {c.state === 'draft' ? (
        <Alert color="blue" variant="light" mb="lg">
          {t('inventory.count.startHelp')}
        </Alert>
      ) : null}
      {counting && canCount ? (
        <Scanner
          countId={c.id ?? props.id}
          defaultLocationId={c.locationId ?? null}
          locations={locations.options}
          onScanned={(line) => merge([line])}
          describe={(line) =>
            t('inventory.scan.done', {
              item: items.name(line.itemId) || line.itemId,
              counted: qty(line.counted),
            })
          }
        />
      ) : null}
      <Card p={0}>
        <Table.ScrollContainer minWidth={720}>
          <Table
            aria-label={t('inventory.count.sheet')}
            fz="md"
            verticalSpacing="sm"
            striped
            stickyHeader
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inventory.location')}</Table.Th>
                <Table.Th>{t('inventory.item')}</Table.Th>
                <Table.Th>{t('inventory.lot.code')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('inventory.expected')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('inventory.counted')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('inventory.difference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <code>{locations.label(l.locationId)}</code>
                  </Table.Td>
                  <Table.Td>{items.name(l.itemId)}</Table.Td>
                  <Table.Td>{l.lotCode ? <code>{l.lotCode}</code> : ''}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{qty(l.expected)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {counting && canCount ? (
                      <CountedInput
                        countId={props.id}
                        line={l}
                        label={`${t('inventory.counted')}: ${locations.label(l.locationId)} ${items.name(l.itemId)}`}
                        onSaved={merge}
                      />
                    ) : (
                      qty(l.counted)
                    )}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Difference value={l.difference} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {lines.length === 0 ? (
          <Text c="dimmed" p="md">
            {t(c.state === 'draft' ? 'inventory.count.noLinesYet' : 'inventory.count.noLines')}
          </Text>
        ) : null}
      </Card>
      {confirming ? (
        <ConfirmDialog
          title={t(`inventory.countAction.${confirming}`)}
          message={
            confirming === 'post'
              ? t('inventory.confirm.countPost', {
                  differing: differing.length,
                  uncounted: lines.length - counted,
                })
              : t(`inventory.confirm.${confirming}`)
          }
          confirm={t(`inventory.countAction.${confirming}`)}
          color={confirming === 'delete' || confirming === 'cancel' ? 'red' : undefined}
          size="lg"
          run={() => run(confirming)}
          onClose={() => setConfirming(null)}
          onDone={() => {
            const done = confirming;
            setConfirming(null);
            notify.success(t(`inventory.countDone.${done}`));
            if (done === 'delete') router.push('/inventory/counts');
            else count.reload();
          }}
        />
      ) : null}
    </>
  );
}

function Difference(props: { value: string | null }) {
  const qty = useQuantity();
  if (props.value === null) return <Text c="dimmed">—</Text>;
  const q = Quantity.of(props.value, 'u');
  const color = q.isZero() ? 'dimmed' : q.isNegative() ? 'red' : 'teal';
  return (
    <Text fw={700} c={color} component="span">
      {q.isNegative() || q.isZero() ? '' : '+'}
      {qty(props.value)}
    </Text>
  );
}

/**
 * The scanner's field: always focused (a scanner is a keyboard that types the code and
 * Enter), the count's location or another one under it, one unit or the quantity typed.
 */
function Scanner(props: {
  countId: string;
  defaultLocationId: string | null;
  locations: { value: string; label: string }[];
  onScanned: (line: CountLine) => void;
  describe: (line: CountLine) => string;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [lotCode, setLotCode] = useState('');
  const [locationId, setLocationId] = useState<string | null>(props.defaultLocationId);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<{ ok: boolean; text: string } | null>(null);
  // Focused when the sheet opens and again after each read (a scanner types into it).
  useEffect(() => {
    if (!busy) input.current?.focus();
  }, [busy]);
  const scan = async () => {
    const read = code.trim();
    if (!read || busy) return;
    if (!QUANTITY.test(quantity.trim())) {
      setLast({ ok: false, text: t('inventory.scan.badQuantity') });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/v1/inventory/counts/{id}/scan', {
      params: { path: { id: props.countId } },
      body: {
        code: read,
        ...(quantity.trim() !== '1' ? { quantity: quantity.trim() } : {}),
        ...(locationId && locationId !== props.defaultLocationId ? { locationId } : {}),
        ...(lotCode.trim() ? { lotCode: lotCode.trim() } : {}),
      },
    });
    setBusy(false);
    setCode('');
    if (data) {
      props.onScanned(data);
      setLast({ ok: true, text: props.describe(data) });
      setQuantity('1');
      setLotCode('');
    } else setLast({ ok: false, text: `${read}: ${problemMessage(asProblem(error), t)}` });
  };
  return (
    <Card mb="lg" withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('inventory.scan.title')}
      </Title>
      <Group align="flex-end" wrap="wrap" gap="md">
        <TextInput
          ref={input}
          size="xl"
          label={t('inventory.scan.code')}
          description={t('inventory.scan.help')}
          leftSection={<IconBarcode size={24} aria-hidden />}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void scan();
            }
          }}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="send"
          style={{ flex: '1 1 280px' }}
          readOnly={busy}
        />
        <TextInput
          size="xl"
          label={t('inventory.quantity')}
          inputMode="decimal"
          value={quantity}
          onChange={(e) => setQuantity(e.currentTarget.value)}
          w={140}
        />
        <TextInput
          size="xl"
          label={t('inventory.scan.lotCode')}
          description={t('common.optional')}
          value={lotCode}
          onChange={(e) => setLotCode(e.currentTarget.value)}
          autoComplete="off"
          w={200}
        />
        <Select
          size="xl"
          label={t('inventory.location')}
          data={props.locations}
          value={locationId}
          onChange={(v) => {
            setLocationId(v ?? props.defaultLocationId);
            input.current?.focus();
          }}
          allowDeselect={false}
          w={260}
        />
        <Button size="xl" onClick={() => void scan()} loading={busy}>
          {t('inventory.scan.add')}
        </Button>
      </Group>
      <div aria-live="polite" role="status">
        {last ? (
          <Text mt="sm" size="lg" fw={600} c={last.ok ? 'teal' : 'red'}>
            {last.text}
          </Text>
        ) : null}
      </div>
    </Card>
  );
}

/** A line's counted quantity, typed: saved on Enter or when the field is left. */
function CountedInput(props: {
  countId: string;
  line: CountLine;
  label: string;
  onSaved: (lines: CountLine[]) => void;
}) {
  const { t } = useI18n();
  const { line } = props;
  const stored = line.counted === null ? '' : Quantity.of(line.counted, 'u').toString();
  const [value, setValue] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setValue(stored), [stored]);
  const save = async () => {
    const typed = value.trim();
    if (typed === stored) return;
    if (typed && !QUANTITY.test(typed)) return setError(t('inventory.scan.badQuantity'));
    setBusy(true);
    const { data, error: problem } = await api.PATCH('/api/v1/inventory/counts/{id}/lines', {
      params: { path: { id: props.countId } },
      body: { lines: [{ id: line.id, counted: typed || null }] },
    });
    setBusy(false);
    if (!data) return setError(problemMessage(asProblem(problem), t));
    setError(null);
    props.onSaved(data);
  };
  return (
    <TextInput
      size="lg"
      aria-label={props.label}
      inputMode="decimal"
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          void save();
        }
      }}
      error={error}
      disabled={busy}
      w={140}
      ml="auto"
      styles={{ input: { textAlign: 'right' } }}
    />
  );
}
