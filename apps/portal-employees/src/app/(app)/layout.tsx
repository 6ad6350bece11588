import type { ReactNode } from 'react';
import { requireSession } from '../../lib/server';
import { AppFrame } from './app-frame';

/** Every signed-in screen: the session and the person's rules, read fresh on each navigation. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  return <AppFrame session={session}>{children}</AppFrame>;
}
