'use client';
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  Select,
  Skeleton,
  Table,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useLocalStorage } from '@mantine/hooks';
import { useI18n } from '@nexo/i18n';
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconChevronLeft,
  IconChevronRight,
  IconColumns3,
  IconDownload,
  IconSearch,
} from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { EmptyBlock, ProblemAlert } from './feedback';
import { useApiQuery, type ApiAnswer } from './use-query';

export interface DataColumn<T> {
  /** Unique id; also the API's sort field when `sortable` is true. */
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Sortable on the server, by this column's key or the field named here. */
  sortable?: boolean | string;
  /** Hidden until the person picks it in "Columns". */
  hidden?: boolean;
  /** Right-aligned (amounts, counts). */
  numeric?: boolean;
}

export interface DataFilter {
  /** The list route's filter field (`kind`, `status`, `isCustomer`…). */
  key: string;
  label: string;
  options: { value: string; label: string }[];
}

/** What the table asks the API for: the list routes' query string (ADR 0008). */
export interface ListRequest {
  q?: string;
  sort?: string;
  cursor?: string;
  limit: string;
  count: 'true';
  [filter: string]: string | undefined;
}

export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  count?: { value: number; capped: boolean };
}

export interface DataTableProps<T> {
  /** Remembers the chosen columns on this browser. */
  id: string;
  /** The table's accessible name. */
  label: string;
  columns: DataColumn<T>[];
  rowKey: (row: T) => string;
  /**
   * The list route's call, e.g. `(query) => api.GET(path, { params: { query: listQuery(query) } })`.
   * Give it first among the props: the rows' type is then inferred from the route's answer.
   */
  load: (query: ListRequest) => Promise<ApiAnswer<ListPage<T>>>;
  filters?: DataFilter[];
  defaultSort?: string;
  pageSize?: number;
  searchable?: boolean;
  /** A CSV of the same query (all pages), e.g. the list route's `export.csv`. */
  exportHref?: (query: Omit<ListRequest, 'cursor' | 'limit' | 'count'>) => string;
  toolbar?: ReactNode;
  empty?: ReactNode;
  /** Change it to load again (after a create elsewhere on the page). */
  reloadKey?: number;
}

/**
 * The portals' list: server-side search, filters, sort and keyset paging (the API's
 * `q`, `field=value`, `sort=±field`, `cursor`), a column chooser and CSV export.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t, f } = useI18n();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [sort, setSort] = useState(props.defaultSort);
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState(0);
  const [hidden, setHidden] = useLocalStorage<string[]>({
    key: `nexo.table.${props.id}.hidden`,
    defaultValue: props.columns.filter((c) => c.hidden).map((c) => c.key),
    getInitialValueInEffect: true,
  });
  const visible = props.columns.filter((c) => !hidden.includes(c.key));

  const base = useMemo(
    () => ({
      ...(q ? { q } : {}),
      ...(sort ? { sort } : {}),
      ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
    }),
    [q, sort, filters],
  );
  const cursor = cursors[page];
  const request: ListRequest = {
    ...base,
    ...(cursor ? { cursor } : {}),
    limit: String(props.pageSize ?? 25),
    count: 'true',
  };
  const key = JSON.stringify([request, props.reloadKey]);
  const query = useApiQuery(key, () => props.load(request));
  const rows = query.data?.items ?? [];

  const resetPaging = () => {
    setCursors([undefined]);
    setPage(0);
  };
  const toggleSort = (field: string) => {
    setSort(sort === field ? `-${field}` : sort === `-${field}` ? undefined : field);
    resetPaging();
  };
  const next = () => {
    const nextCursor = query.data?.nextCursor;
    if (!nextCursor) return;
    setCursors((c) => [...c.slice(0, page + 1), nextCursor]);
    setPage(page + 1);
  };

  return (
    <Paper p={0} radius="md">
      <Group p="sm" gap="sm" wrap="wrap" justify="space-between">
        <Group gap="sm" wrap="wrap">
          {props.searchable !== false ? (
            <TextInput
              aria-label={t('common.search')}
              placeholder={t('common.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                resetPaging();
              }}
              w={{ base: '100%', xs: 260 }}
            />
          ) : null}
          {(props.filters ?? []).map((filter) => (
            <Select
              key={filter.key}
              aria-label={filter.label}
              placeholder={filter.label}
              data={filter.options}
              value={filters[filter.key] ?? null}
              clearable
              w={180}
              onChange={(value) => {
                setFilters((current) => ({ ...current, [filter.key]: value ?? '' }));
                resetPaging();
              }}
            />
          ))}
        </Group>
        <Group gap="xs">
          {props.toolbar}
          <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
            <Menu.Target>
              <Tooltip label={t('table.columns')}>
                <ActionIcon variant="default" size="lg" aria-label={t('table.columns')}>
                  <IconColumns3 size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('table.columns')}</Menu.Label>
              {props.columns.map((column) => (
                <Menu.Item key={column.key} component="div">
                  <Checkbox
                    label={column.header}
                    checked={!hidden.includes(column.key)}
                    onChange={(e) => {
                      const show = e.currentTarget.checked;
                      setHidden((h) =>
                        show ? h.filter((k) => k !== column.key) : [...h, column.key],
                      );
                    }}
                  />
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          {props.exportHref ? (
            <Button
              component="a"
              href={props.exportHref(base)}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('table.export')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <ProblemAlert problem={query.problem} onRetry={query.reload} />
      <Table.ScrollContainer minWidth={600}>
        <Table aria-label={props.label} aria-busy={query.loading} stickyHeader>
          <Table.Thead>
            <Table.Tr>
              {visible.map((column) => {
                const field = typeof column.sortable === 'string' ? column.sortable : column.key;
                const direction =
                  sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
                return (
                  <Table.Th
                    key={column.key}
                    aria-sort={column.sortable ? (direction ?? 'none') : undefined}
                    style={column.numeric ? { textAlign: 'right' } : undefined}
                  >
                    {column.sortable ? (
                      <UnstyledButton
                        onClick={() => toggleSort(field)}
                        aria-label={t('table.sortBy', { column: column.header })}
                        fw={700}
                        fz="sm"
                      >
                        <Group gap={4} wrap="nowrap">
                          {column.header}
                          {direction === 'ascending' ? (
                            <IconArrowUp size={14} aria-hidden />
                          ) : direction === 'descending' ? (
                            <IconArrowDown size={14} aria-hidden />
                          ) : (
                            <IconArrowsSort size={14} aria-hidden opacity={0.4} />
                          )}
                        </Group>
                      </UnstyledButton>
                    ) : (
                      column.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.loading && !query.data
              ? Array.from({ length: 5 }, (_, i) => (
                  <Table.Tr key={i}>
                    {visible.map((c) => (
                      <Table.Td key={c.key}>
                        <Skeleton height={14} radius="sm" />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              : rows.map((row) => (
                  <Table.Tr key={props.rowKey(row)}>
                    {visible.map((column) => (
                      <Table.Td
                        key={column.key}
                        style={column.numeric ? { textAlign: 'right' } : undefined}
                      >
                        {column.render(row)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!query.loading && query.data && rows.length === 0 ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          {props.empty ?? <EmptyBlock title={q ? t('common.noResults') : t('common.empty')} />}
        </div>
      ) : null}
      <Group p="sm" justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {query.data?.count
            ? t(query.data.count.capped ? 'table.countCapped' : 'table.count', {
                count: f.number(query.data.count.value),
              })
            : ''}
        </Text>
        <Group gap="xs">
          <Badge variant="light" color="gray">
            {t('table.page', { page: page + 1 })}
          </Badge>
          <ActionIcon
            variant="default"
            aria-label={t('common.previous')}
            disabled={page === 0}
            onClick={() => setPage(page - 1)}
          >
            <IconChevronLeft size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="default"
            aria-label={t('common.next')}
            disabled={!query.data?.nextCursor}
            onClick={next}
          >
            <IconChevronRight size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <VisuallyHidden aria-live="polite">{query.loading ? t('common.loading') : ''}</VisuallyHidden>
    </Paper>
  );
}
