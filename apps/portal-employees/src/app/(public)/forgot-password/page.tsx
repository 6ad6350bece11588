'use client';
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useI18n, type ProblemLike } from '@nexo/i18n';
import { asProblem, ProblemAlert } from '@nexo/ui';
import Link from 'next/link';
import { useState } from 'react';
import { api } from '../../../lib/api';

export default function ForgotPasswordPage() {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const { error, response } = await api.POST('/api/v1/auth/password/forgot', {
          body: { email: email.trim() },
          headers: { 'accept-language': locale },
        });
        setPending(false);
        if (response.ok) setSent(true);
        else setProblem(asProblem(error));
      }}
    >
      <Stack>
        <Title order={1} size="h3">
          {t('auth.forgotTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('auth.forgotHelp')}
        </Text>
        <ProblemAlert problem={problem} />
        {sent ? (
          <Alert color="teal" role="status">
            {t('auth.forgotSent')}
          </Alert>
        ) : (
          <>
            <TextInput
              label={t('common.email')}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Button type="submit" loading={pending}>
              {t('auth.sendLink')}
            </Button>
          </>
        )}
        <Anchor component={Link} href="/login" size="sm" ta="center">
          {t('auth.backToSignIn')}
        </Anchor>
      </Stack>
    </form>
  );
}
