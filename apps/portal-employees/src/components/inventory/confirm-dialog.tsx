'use client';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ApiAnswer } from '@nexo/ui';
import { asProblem, ProblemAlert } from '@nexo/ui';
import { useI18n, type ProblemLike } from '@nexo/i18n';
import { useState, type ReactNode } from 'react';

/**
 * Asks before an action that cannot be undone (delete, post, cancel): the API's refusal is
 * shown in the dialog, which stays open; it closes with `onDone` on success.
 */
export function ConfirmDialog<D>(props: {
  title: string;
  message: ReactNode;
  confirm: string;
  color?: string;
  size?: 'md' | 'lg' | 'xl';
  run: () => Promise<ApiAnswer<D>>;
  onClose: () => void;
  onDone: (data: D | undefined) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <Stack>
        <Text>{props.message}</Text>
        <ProblemAlert problem={problem} />
        <Group justify="flex-end">
          <Button variant="default" size={props.size} onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={props.color}
            size={props.size}
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                const answer = await props.run();
                if (answer.error !== undefined || answer.response?.ok === false)
                  return setProblem(asProblem(answer.error));
                props.onDone(answer.data);
              } catch {
                setProblem(null);
              } finally {
                setBusy(false);
              }
            }}
          >
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
