'use client';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useI18n } from '@nexo/i18n';
import { useEffect, useState } from 'react';
import { api, listQuery } from '../lib/api';

/** Pick a party by typing part of its name (the parties list's `q`, ten at a time). */
export function PartyPicker(props: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    let live = true;
    void api
      .GET('/api/v1/crm/parties', {
        params: { query: listQuery({ q: q || undefined, limit: '10', sort: 'name' }) },
      })
      .then(({ data }) => {
        if (!live || !data) return;
        setOptions((current) => {
          const selected = current.filter((o) => o.value === props.value);
          const fresh = data.items.map((p) => ({ value: p.id, label: p.name ?? p.id }));
          return [...selected, ...fresh.filter((o) => o.value !== props.value)];
        });
      });
    return () => {
      live = false;
    };
  }, [q, props.value]);
  return (
    <Select
      label={props.label}
      placeholder={t('common.searchPlaceholder')}
      searchable
      clearable
      data={options}
      value={props.value}
      onChange={props.onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={t('common.noResults')}
      error={props.error}
      required={props.required}
    />
  );
}
