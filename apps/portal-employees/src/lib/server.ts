import { LOCALE_COOKIE, toLocale, type Locale } from '@nexo/i18n';
import { abilityFor, type SessionView } from '@nexo/session';
import { loadSessionView } from '@nexo/session/server';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';

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

/** The person's language: their choice on this browser, else Spanish. */
export const getLocale = cache(async (): Promise<Locale> => {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
});
