import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@nexo/db';
import { requestContext } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { securityEvents } from './db/audit.tables.js';

export type SecurityEventName =
  | 'login'
  | 'login.mfa'
  | 'logout'
  | 'refresh'
  | 'refresh.reuse'
  | 'session.revoked'
  | 'tenant.switch'
  | 'mfa.enrol'
  | 'mfa.disable'
  | 'password.reset.request'
  | 'password.reset'
  | 'email.verify'
  | 'invitation.create'
  | 'invitation.accept'
  | 'oidc.login'
  | 'client.token'
  | 'client.rotate'
  | 'user.disable'
  | 'membership.disable';

export interface SecurityEvent {
  event: SecurityEventName;
  outcome: 'success' | 'failure' | 'blocked';
  userId?: string | undefined;
  tenantId?: string | undefined;
  email?: string | undefined;
  detail?: Record<string, unknown>;
}

/** Records security events with the request's IP, user agent and id. */
@Injectable()
export class SecurityEventLog {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** Inside the caller's transaction: the event and the change it describes land together. */
  async record(event: SecurityEvent): Promise<void> {
    await this.database.tx().insert(securityEvents).values(this.row(event));
  }

  /**
   * In a transaction of its own: for failures, whose own transaction is rolled back
   * (a failed login must still be on record).
   */
  async recordAlone(event: SecurityEvent): Promise<void> {
    await this.database.db.insert(securityEvents).values(this.row(event));
  }

  private row(event: SecurityEvent): typeof securityEvents.$inferInsert {
    const ctx = requestContext.get();
    return {
      id: newId(),
      event: event.event,
      outcome: event.outcome,
      userId: event.userId ?? null,
      tenantRef: event.tenantId ?? null,
      email: event.email?.toLowerCase() ?? null,
      ip: ctx?.ip ?? null,
      userAgent: ctx?.userAgent?.slice(0, 500) ?? null,
      requestId: ctx?.requestId ?? null,
      detail: event.detail ?? null,
    };
  }
}
