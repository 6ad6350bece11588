import { AsyncLocalStorage } from 'node:async_hooks';

export const ACTORS = ['employee', 'client', 'supplier', 'professional', 'integration'] as const;
export type Actor = (typeof ACTORS)[number];

/** Who is asking and on behalf of which tenant. Filled in by auth; read by the database layer. */
export interface Principal {
  userId: string;
  tenantId: string;
  actor: Actor;
  /** Membership (people) or API client (integrations). */
  membershipId: string;
  sessionId?: string;
  partyId?: string;
  roles: string[];
  /** Teams the person belongs to, for rules with `$teams` (CRM adds teams). */
  teams?: string[];
  /** When the access token was issued (seconds since epoch), for "valid after" checks. */
  issuedAt: number;
  /** The session must enrol a second factor before doing anything else. */
  mfaEnrolmentRequired?: boolean;
}

/** What every layer may know about the request in flight. */
export interface RequestContext {
  requestId: string;
  ip?: string;
  userAgent?: string;
  /** The `If-Match` header, for updates under optimistic concurrency. */
  ifMatch?: string;
  principal?: Principal;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
};

/** The signed-in principal of the request in flight; only for routes that are not public. */
export function currentPrincipal(): Principal {
  const principal = requestContext.get()?.principal;
  if (!principal) throw new Error('A private route was reached without a principal');
  return principal;
}
