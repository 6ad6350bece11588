import type { ReactNode } from 'react';
import { CompanyProvider } from '../../lib/company';
import { getCompany, requireSession } from '../../lib/server';
import { AppFrame } from './app-frame';

/**
 * Every signed-in screen: the session and the person's rules, read fresh on each navigation,
 * and the company's settings the screens need (its currency).
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const company = await getCompany(session.current.tenantId);
  return (
    <CompanyProvider company={company}>
      <AppFrame session={session}>{children}</AppFrame>
    </CompanyProvider>
  );
}
