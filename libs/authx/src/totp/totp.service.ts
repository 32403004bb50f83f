import { Inject, Injectable } from '@nestjs/common';
import { verifySync } from '@otplib/totp';
import { generateTOTP } from '@otplib/uri';
import { randomBytes } from 'node:crypto';
import { AUTHX_OPTIONS, type ResolvedAuthxOptions } from '../authx.options';
import { AuditService } from '../audit/audit.service';
import { TotpStore } from '../ports/totp-store';
import { base32Decode, base32Encode, nodeCryptoPlugin } from './node-otp.plugins';
import { SecretBox } from '../tokens/secret-box';

/** Outcome of a TOTP check. */
export type TotpResult = 'ok' | 'invalid' | 'replay' | 'not_enrolled';

/**
 * TOTP (RFC 6238, @otplib/totp on node:crypto): enrol → secret + otpauth URI, confirm with a first code, verify.
 * A code is accepted once: its time step must be newer than the last accepted one, so a
 * replay inside the validity window is rejected and audited (OWASP ASVS 2.8.4).
 */
@Injectable()
export class TotpService {
  constructor(
    private readonly store: TotpStore,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
  ) {}

  async enrol(tenantId: string, userId: string, label: string): Promise<{ secret: string; otpauthUri: string }> {
    const secret = base32Encode(randomBytes(20));
    await this.store.enrol({
      tenantId,
      userId,
      secretCipher: this.box.seal(secret, `totp:${tenantId}:${userId}`),
      confirmed: false,
      lastTimeStep: 0,
    });
    return { secret, otpauthUri: generateTOTP({ issuer: this.options.totpIssuer, label, secret }) };
  }

  /** Confirms a pending enrolment with a current code. */
  async confirm(tenantId: string, userId: string, code: string): Promise<TotpResult> {
    const result = await this.check(tenantId, userId, code, false);
    if (result === 'ok') await this.store.confirm(tenantId, userId);
    return result;
  }

  /** Verifies a code of a confirmed enrolment. */
  verify(tenantId: string, userId: string, code: string): Promise<TotpResult> {
    return this.check(tenantId, userId, code, true);
  }

  private async check(tenantId: string, userId: string, code: string, requireConfirmed: boolean): Promise<TotpResult> {
    const enrolment = await this.store.get(tenantId, userId);
    if (!enrolment || (requireConfirmed && !enrolment.confirmed)) return 'not_enrolled';
    const secret = this.box.open(enrolment.secretCipher, `totp:${tenantId}:${userId}`);
    if (!secret || !/^\d{6}$/.test(code)) return 'invalid';
    const result = verifySync({ secret: base32Decode(secret), token: code, epochTolerance: 30, crypto: nodeCryptoPlugin });
    if (!result.valid) return 'invalid';
    if (await this.store.useTimeStep(tenantId, userId, result.timeStep)) return 'ok';
    await this.audit.record({
      kind: 'totp',
      action: 'totp.verify',
      object: `user:${userId}`,
      decision: 'deny',
      reason: 'totp_replay',
      tenantId,
      principal: userId,
    });
    return 'replay';
  }
}
