'use client';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useI18n, type ProblemLike } from '@nexo/i18n';
import { ProblemAlert } from '@nexo/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { signInAction } from '../../session-actions';

export function LoginForm(props: { next: string; expired: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  const [pending, start] = useTransition();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : t('error.validation_failed')),
      password: (v) => (v ? null : t('error.validation_failed')),
    },
  });

  const submit = form.onSubmit((values) =>
    start(async () => {
      const answer = await signInAction(values.email.trim(), values.password);
      if (answer.next === 'error') return setProblem(answer.problem);
      if (answer.next === 'mfa')
        return router.push(`/login/mfa?next=${encodeURIComponent(props.next)}`);
      router.replace(answer.mfaEnrolmentRequired ? '/account?enrol=1' : props.next);
      router.refresh();
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h3">
          {t('auth.signInTitle')}
        </Title>
        {props.expired ? (
          <Alert color="yellow" variant="light">
            {t('auth.sessionExpired')}
          </Alert>
        ) : null}
        <ProblemAlert problem={problem} />
        <TextInput
          label={t('common.email')}
          type="email"
          autoComplete="username"
          required
          autoFocus
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={pending} fullWidth size="md">
          {t('auth.signIn')}
        </Button>
        <Anchor component={Link} href="/forgot-password" size="sm" ta="center">
          {t('auth.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}
