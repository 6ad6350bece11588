import { Inject, Injectable } from '@nestjs/common';
import { SecurityEventLog } from '@nexo/audit';
import { ErrorCode } from '@nexo/contracts';
import { Database } from '@nexo/db';
import { DomainError, SecretBox, randomToken, sha256 } from '@nexo/platform';
import { newId } from '@nexo/utils';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { recoveryCodes } from '../db/auth.tables.js';
import { UserRepository, type UserRow } from '../users/user.repository.js';

const RECOVERY_CODES = 10;

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  /** A PNG data URL of the otpauth URL, for an authenticator app to scan. */
  qrCode: string;
}

function totp(secret: Secret, label: string): TOTP {
  return new TOTP({ issuer: 'NEXO', label, algorithm: 'SHA1', digits: 6, period: 30, secret });
}

/** TOTP (RFC 6238) second factor, with single-use recovery codes stored hashed. */
@Injectable()
export class TotpService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(SecretBox) private readonly box: SecretBox,
    @Inject(SecurityEventLog) private readonly events: SecurityEventLog,
  ) {}

  /** Starts enrolment: a new secret, kept pending until a code from it is confirmed. */
  async enrol(user: UserRow): Promise<TotpEnrolment> {
    const secret = new Secret({ size: 20 });
    await this.users.update(user.id, { totpPendingEnc: this.box.encrypt(secret.base32) });
    const otpauthUrl = totp(secret, user.email).toString();
    // Loaded here, not at start: enrolment is rare (ADR 0013, idle RSS).
    const { default: QRCode } = await import('qrcode');
    return { secret: secret.base32, otpauthUrl, qrCode: await QRCode.toDataURL(otpauthUrl) };
  }

  /** Confirms enrolment with a current code; returns the recovery codes, shown once. */
  async confirm(user: UserRow, code: string): Promise<string[]> {
    if (!user.totpPendingEnc)
      throw new DomainError(ErrorCode.Conflict, 'Start the enrolment first');
    const secret = this.box.decrypt(user.totpPendingEnc);
    if (!this.matches(secret, user.email, code)) {
      throw DomainError.validation([
        { path: 'code', code: 'invalid_code', message: 'The code is not valid' },
      ]);
    }
    await this.users.update(user.id, {
      totpSecretEnc: user.totpPendingEnc,
      totpPendingEnc: null,
      mfaEnabledAt: new Date(),
    });
    const codes = Array.from({ length: RECOVERY_CODES }, () =>
      randomToken(8).replace(/[-_]/g, 'x').slice(0, 10),
    );
    const tx = this.database.tx();
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((c) => ({ id: newId(), userId: user.id, codeHash: sha256(c) })));
    await this.events.record({ event: 'mfa.enrol', outcome: 'success', userId: user.id });
    return codes;
  }

  /** A TOTP code or an unused recovery code (which is then spent). */
  async verify(
    user: UserRow,
    input: { code?: string | undefined; recoveryCode?: string | undefined },
  ): Promise<boolean> {
    if (!user.totpSecretEnc) return false;
    if (input.code)
      return this.matches(this.box.decrypt(user.totpSecretEnc), user.email, input.code);
    if (input.recoveryCode) {
      const spent = await this.database
        .tx()
        .update(recoveryCodes)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(recoveryCodes.userId, user.id),
            eq(recoveryCodes.codeHash, sha256(input.recoveryCode.trim())),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .returning({ id: recoveryCodes.id });
      return spent.length === 1;
    }
    return false;
  }

  private matches(base32: string, label: string, code: string): boolean {
    return (
      totp(Secret.fromBase32(base32), label).validate({
        token: code.replace(/\s/g, ''),
        window: 1,
      }) !== null
    );
  }
}
