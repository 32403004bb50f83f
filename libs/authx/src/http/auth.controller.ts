import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '@mikasmissions/config';
import { RequestContext, type Principal } from '@mikasmissions/context';
import { AuthxNotFoundError, ForbiddenError, UnauthenticatedError } from '../authx.errors';
import { AUTHX_OPTIONS, type ResolvedAuthxOptions } from '../authx.options';
import { OtpService } from '../otp/otp.service';
import { Public } from '@mikasmissions/http';
import { RolePrivilege } from '../rbac/role-privilege';
import { SessionService, type TokenPair } from '../sessions/session.service';
import { clientIp, type ClientIpRequest } from './client-ip';
import { isLoopback, isLoopbackRequest, listenAddress, type SocketRequest } from './loopback';
import { DevLoginDto, OtpRequestDto, OtpVerifyDto, RefreshDto } from './dto/auth.dto';

type HttpReq = ClientIpRequest & SocketRequest;

/** The caller's principal, or 401 (anonymous callers in permissive mode have none). */
export function requirePrincipal(ctx: RequestContext): Principal & { tenantId: string; sessionId: string } {
  const p = ctx.principal;
  if (!p?.tenantId || !p.sessionId) throw new UnauthenticatedError('unauthenticated', 'sign in first: this route needs a bearer token');
  return p as Principal & { tenantId: string; sessionId: string };
}

const userAgent = (req: HttpReq) => {
  const ua = req.headers['user-agent'];
  return Array.isArray(ua) ? ua[0] : ua;
};

/**
 * `/auth/*`: OTP login, refresh, logout, the user's sessions, and the dev-only login
 * (`AUTH_DEV_LOGIN=true`, never in strict/production mode).
 */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly otp: OtpService,
    private readonly sessions: SessionService,
    private readonly ctx: RequestContext,
    private readonly config: AppConfig,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
    private readonly privilege: RolePrivilege,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Sends a code (email/SMS) or opens a TOTP ticket. Same answer whether or not the subject is known. */
  @Public()
  @Post('otp/request')
  @HttpCode(200)
  request(@Body() dto: OtpRequestDto, @Req() req: HttpReq): Promise<{ ticketId: string; expiresIn: number }> {
    return this.otp.request({
      subject: dto.subject,
      channel: dto.channel,
      tenantId: this.ctx.tenantId,
      ip: clientIp(req, this.options.trustedProxyHops),
    });
  }

  @Public()
  @Post('otp/verify')
  @HttpCode(200)
  verify(@Body() dto: OtpVerifyDto, @Req() req: HttpReq): Promise<TokenPair & { ok: true }> {
    return this.otp.verify(dto.ticketId, dto.code, { userAgent: userAgent(req), ip: clientIp(req, this.options.trustedProxyHops) });
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<TokenPair> {
    return this.sessions.refresh(dto.refreshToken);
  }

  /** Signs out: revokes the current session, so its refresh token stops working. */
  @Post('logout')
  @HttpCode(200)
  async logout(): Promise<{ ok: true }> {
    const p = requirePrincipal(this.ctx);
    await this.sessions.revoke(p.sessionId, 'logout');
    return { ok: true };
  }

  @Get('sessions')
  async list(): Promise<{ data: unknown[]; current: string }> {
    const p = requirePrincipal(this.ctx);
    return { data: await this.sessions.list(p.tenantId, p.userId), current: p.sessionId };
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  async revoke(@Param('id') id: string): Promise<void> {
    const p = requirePrincipal(this.ctx);
    const ok = /^[0-9a-f-]{36}$/.test(id) && (await this.sessions.revoke(id, 'user_revoked', { tenantId: p.tenantId, userId: p.userId }));
    if (!ok) throw new AuthxNotFoundError('no such live session of yours');
  }

  /**
   * Dev only: a session for any user id, no code. 404 unless `AUTH_DEV_LOGIN=true` outside
   * strict mode; 403 `DEV_LOGIN_NOT_LOOPBACK` unless the process listens on loopback only (when
   * the listen address cannot be read, unless the caller's socket is on loopback); 403
   * `DEV_LOGIN_ROLE_FORBIDDEN` for a privileged role (see {@link RolePrivilege}). The session
   * holds the service's default roles, the requested ones and the user's non-privileged
   * assigned roles: the dev login never mints an admin.
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: DevLoginDto, @Req() req: HttpReq): Promise<TokenPair & { ok: true }> {
    if (!this.config.auth.devLogin) throw new AuthxNotFoundError('Cannot POST /auth/login');
    const bound = listenAddress(this.adapterHost.httpAdapter?.getHttpServer());
    if (bound === undefined ? !isLoopbackRequest(req) : !isLoopback(bound)) {
      throw new ForbiddenError(
        'dev_login_not_loopback',
        bound === undefined
          ? 'the dev login answers loopback callers only'
          : `the dev login runs only on a process that listens on loopback (this one listens on ${bound}; set LISTEN_HOST=127.0.0.1)`,
      );
    }
    await this.privilege.refresh();
    const privileged = (dto.roles ?? []).filter((role) => this.privilege.isPrivileged(role));
    if (privileged.length > 0) {
      throw new ForbiddenError('dev_login_role_forbidden', `the dev login does not mint privileged roles: ${privileged.join(', ')}`, {
        roles: privileged,
      });
    }
    const roles = [...this.options.defaultRoles, ...(dto.roles ?? [])];
    const subject = { tenantId: this.ctx.tenantId, userId: dto.userId, roles, userAgent: userAgent(req) };
    const pair = await this.sessions.open(subject, { keepAssigned: (role) => !this.privilege.isPrivileged(role) });
    return { ok: true, ...pair };
  }
}
