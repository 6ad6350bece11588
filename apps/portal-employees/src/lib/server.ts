import { LOCALE_COOKIE, toLocale, type Locale } from '@nexo/i18n';
import { abilityFor, type SessionView } from '@nexo/session';
import { loadSessionView, serverApi } from '@nexo/session/server';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Company } from './company';

/** Once per request, however many server components ask. */
export const getSessionView = cache(loadSessionView);

export async function requireSession(): Promise<SessionView> {
  const view = await getSessionView();
  if (!view) redirect('/login?expired=1');
  return view;
}

/** Route protection by permission: a screen the person may not use does not exist for them. */
export async function requireCan(action: string, subject: string): Promise<SessionView> {
  const view = await requireSession();
  if (!abilityFor(view.rules).can(action, subject)) notFound();
  return view;
}

/**
 * The company the shell hands down to every screen (`useCompanyCurrency`, `useMoney`), once
 * per request; what the person's roles may not read of it stays null.
 */
export const getCompany = cache(async (tenantId: string): Promise<Company> => {
  const api = await serverApi();
  const { data } = await api.GET('/api/v1/tenancy/tenants/{id}', {
    params: { path: { id: tenantId } },
  });
  return { currency: data?.currency ?? null };
});

/** The person's language: their choice on this browser, else Spanish. */
export const getLocale = cache(async (): Promise<Locale> => {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
});
