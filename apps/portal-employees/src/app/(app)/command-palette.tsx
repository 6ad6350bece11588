'use client';
import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { useI18n } from '@nexo/i18n';
import { useSession } from '@nexo/session';
import { IconSearch } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { api, listQuery } from '../../lib/api';
import { NAV } from '../../lib/nav';

export const openCommandPalette = () => spotlight.open();

interface Hit {
  id: string;
  href: string;
  title: string;
  kind: string;
  description?: string;
}

/**
 * Ctrl+K: jump to a screen, or search parties and opportunities (and items, where the
 * catalog is there) at once — each list route's `q`, in parallel, five of each.
 */
export function CommandPalette() {
  const { t, f } = useI18n();
  const { ability } = useSession();
  const router = useRouter();
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query.trim(), 200);
  const [hits, setHits] = useState<Hit[]>([]);

  useEffect(() => {
    let live = true;
    if (q.length < 2) {
      setHits([]);
      return;
    }
    const search = { q, limit: '5' };
    const tasks: Promise<Hit[]>[] = [];
    if (ability.can('read', 'crm.party'))
      tasks.push(
        api
          .GET('/api/v1/crm/parties', { params: { query: listQuery(search) } })
          .then(({ data }) =>
            (data?.items ?? []).map((p) => ({
              id: p.id,
              href: `/crm/parties/${p.id}`,
              title: p.name ?? '',
              kind: t('nav.parties'),
              description: [p.legalName, p.taxId].filter(Boolean).join(' · '),
            })),
          ),
      );
    if (ability.can('read', 'crm.opportunity'))
      tasks.push(
        api
          .GET('/api/v1/crm/opportunities', { params: { query: listQuery(search) } })
          .then(({ data }) =>
            (data?.items ?? []).map((o) => ({
              id: o.id,
              href: `/crm/opportunities/${o.id}`,
              title: o.title ?? '',
              kind: t('nav.opportunities'),
              description: o.amount && o.currency ? f.money(o.amount, o.currency) : '',
            })),
          ),
      );
    void Promise.all(tasks.map((p) => p.catch(() => [] as Hit[]))).then((lists) => {
      if (live) setHits(lists.flat());
    });
    return () => {
      live = false;
    };
  }, [q, ability, t, f]);

  const screens = NAV.flatMap((g) => g.entries)
    .filter((e) => ability.can(e.can[0], e.can[1]))
    .filter((e) => !query || t(e.label).toLowerCase().includes(query.toLowerCase()));

  const go = (href: string) => {
    spotlight.close();
    router.push(href);
  };

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K', '/']} scrollable>
      <Spotlight.Search
        placeholder={t('shell.commandPlaceholder')}
        aria-label={t('shell.commandPalette')}
        leftSection={<IconSearch size={18} aria-hidden />}
      />
      <Spotlight.ActionsList>
        {hits.map((hit) => (
          <Spotlight.Action key={hit.id} onClick={() => go(hit.href)}>
            <Group justify="space-between" wrap="nowrap" w="100%">
              <div>
                <Text size="sm" fw={600}>
                  {hit.title}
                </Text>
                {hit.description ? (
                  <Text size="xs" c="dimmed">
                    {hit.description}
                  </Text>
                ) : null}
              </div>
              <Badge variant="light" size="sm">
                {hit.kind}
              </Badge>
            </Group>
          </Spotlight.Action>
        ))}
        {screens.map((entry) => (
          <Spotlight.Action key={entry.href} onClick={() => go(entry.href)} label={t(entry.label)} />
        ))}
        {hits.length === 0 && screens.length === 0 ? (
          <Spotlight.Empty>{t('shell.commandNothing')}</Spotlight.Empty>
        ) : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
