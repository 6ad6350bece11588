'use client';
import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useI18n, type ProblemLike } from '@nexo/i18n';
import { ProblemAlert } from '@nexo/ui';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { mfaAction } from '../../../session-actions';

export function MfaForm(props: { next: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  const [pending, start] = useTransition();

  const submit = (value: string) =>
    start(async () => {
      const answer = await mfaAction(recovery ? { recoveryCode: value.trim() } : { code: value });
      if (answer.next === 'error') {
        if (!answer.problem) return router.replace('/login');
        setCode('');
        return setProblem(answer.problem);
      }
      if (answer.next === 'app') {
        router.replace(props.next);
        router.refresh();
      }
    });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(code);
      }}
    >
      <Stack>
        <Title order={1} size="h3">
          {t('auth.mfaTitle')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('auth.mfaHelp')}
        </Text>
        <ProblemAlert problem={problem} />
        {recovery ? (
          <TextInput
            label={t('auth.recoveryCode')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="one-time-code"
            autoFocus
          />
        ) : (
          <TextInput
            label={t('auth.mfaCode')}
            value={code}
            onChange={(e) => {
              const value = e.currentTarget.value.replace(/\D/g, '').slice(0, 6);
              setCode(value);
              if (value.length === 6) submit(value);
            }}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            size="lg"
            styles={{ input: { letterSpacing: 8, textAlign: 'center' } }}
          />
        )}
        <Button type="submit" loading={pending} fullWidth>
          {t('auth.verify')}
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setRecovery(!recovery);
            setCode('');
          }}
        >
          {recovery ? t('auth.mfaCode') : t('auth.useRecovery')}
        </Anchor>
      </Stack>
    </form>
  );
}
