'use client';
import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A read-only value under its label, as detail pages show a record; a dash when empty. */
export function Field(props: { label: string; value: ReactNode }): ReactNode {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {props.label}
      </Text>
      <Text size="sm" component="div">
        {props.value || '—'}
      </Text>
    </Stack>
  );
}
