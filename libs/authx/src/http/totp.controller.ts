import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { UnauthenticatedError } from '../authx.errors';
import { TotpStepUpService } from '../totp/totp-step-up.service';
import { TotpService, type TotpResult } from '../totp/totp.service';
import { requirePrincipal } from './auth.controller';
import { TotpCodeDto } from './dto/auth.dto';

function failIfNotOk(result: TotpResult): { ok: true } {
  if (result === 'ok') return { ok: true };
  if (result === 'replay') throw new UnauthenticatedError('totp_replay', 'this code was already used; wait for the next one');
  if (result === 'not_enrolled') throw new UnauthenticatedError('totp_not_enrolled', 'no confirmed authenticator for this user');
  throw new UnauthenticatedError('totp_invalid', 'the code is wrong');
}

/**
 * `/auth/totp/*` for the signed-in user: enrol (secret + otpauth URI), confirm with a first
 * code, verify (step-up); wrong codes are limited per session and per user (429 `TOTP_LOCKED`). Sign-in with TOTP goes through `/auth/otp/request` with `channel: totp`.
 */
@Controller('auth/totp')
export class TotpController {
  constructor(
    private readonly totp: TotpService,
    private readonly stepUp: TotpStepUpService,
    private readonly ctx: RequestContext,
  ) {}

  @Post('enrol')
  @HttpCode(200)
  enrol(): Promise<{ secret: string; otpauthUri: string }> {
    const p = requirePrincipal(this.ctx);
    return this.totp.enrol(p.tenantId, p.userId, p.userId);
  }

  @Post('confirm')
  @HttpCode(200)
  async confirm(@Body() dto: TotpCodeDto): Promise<{ ok: true }> {
    const p = requirePrincipal(this.ctx);
    return failIfNotOk(await this.stepUp.confirm(p, dto.code));
  }

  @Post('verify')
  @HttpCode(200)
  async verify(@Body() dto: TotpCodeDto): Promise<{ ok: true }> {
    const p = requirePrincipal(this.ctx);
    return failIfNotOk(await this.stepUp.verify(p, dto.code));
  }
}
