'use client';
import type { Subject } from '@nexo/contracts';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { abilityFor, type PortalAbility, type SessionView } from './view';

interface SessionValue {
  session: SessionView;
  ability: PortalAbility;
}
const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider(props: { session: SessionView; children: ReactNode }): ReactNode {
  const value = useMemo(
    () => ({ session: props.session, ability: abilityFor(props.session.rules) }),
    [props.session],
  );
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** `useCan('read', 'catalog.item', 'cost')`: may the person do it (at least on some records)? */
export function useCan(action: string, subject: Subject, field?: string): boolean {
  const { ability } = useSession();
  return ability.can(action, subject, field);
}

/** Renders its children only when the person may do the action. */
export function Can(props: {
  action: string;
  subject: Subject;
  field?: string;
  children: ReactNode;
}): ReactNode {
  return useCan(props.action, props.subject, props.field) ? props.children : null;
}
