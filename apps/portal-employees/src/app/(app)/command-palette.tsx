'use client';
import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { useI18n } from '@nexo/i18n';
import { useSession } from '@nexo/session';
import { IconSearch } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { NAV } from '../../lib/nav';

export const openCommandPalette = () => spotlight.open();

const KIND_LABELS = {
  party: 'nav.parties',
  contact: 'party.contacts',
  opportunity: 'nav.opportunities',
  item: 'nav.items',
} as const;

interface Hit {
  id: string;
  href: string;
  title: string;
  kind: string;
  description?: string;
}

/**
 * Ctrl+K: jump to a screen, or search parties, contacts, opportunities and items at once
 * (the API's `/api/v1/search`, which answers only what the person may read).
 */
export function CommandPalette() {
  const { t } = useI18n();
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
    void api
      .GET('/api/v1/search', { params: { query: { q, limit: 12 } } })
      .then(({ data }) => {
        if (!live) return;
        setHits(
          (data?.hits ?? []).map((hit) => ({
            id: `${hit.kind}:${hit.id}`,
            href:
              hit.kind === 'opportunity'
                ? `/crm/opportunities/${hit.id}`
                : hit.kind === 'item'
                  ? `/catalog/items/${hit.id}`
                  : `/crm/parties/${hit.kind === 'contact' ? hit.partyId : hit.id}`,
            title: hit.title,
            kind: t(KIND_LABELS[hit.kind]),
            description: hit.subtitle ?? '',
          })),
        );
      })
      .catch(() => live && setHits([]));
    return () => {
      live = false;
    };
  }, [q, t]);

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
          <Spotlight.Action
            key={entry.href}
            onClick={() => go(entry.href)}
            label={t(entry.label)}
          />
        ))}
        {hits.length === 0 && screens.length === 0 ? (
          <Spotlight.Empty>{t('shell.commandNothing')}</Spotlight.Empty>
        ) : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
