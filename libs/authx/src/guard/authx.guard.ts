import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppConfig } from '@mikasmissions/config';
import { RequestContext, type Principal } from '@mikasmissions/context';
import { HealthController } from '@mikasmissions/health';
import { AuthxUnavailableError, UnauthenticatedError } from '../authx.errors';
import { AuditService } from '../audit/audit.service';
import { IS_PUBLIC_KEY } from '../public.decorator';
import { AUTHX_JWT } from './authx-jwt.strategy';
import { AuthorizationService } from './authorization.service';

/**
 * The global AuthX guard (registered by `AuthxModule`):
 * - `@Public()` routes and `/health`, `/ready` pass untouched;
 * - a request carrying `Authorization` is always verified (bad token → 401) and authorized
 *   (tenant rule, RBAC, REBAC, ABAC → 403 with a reason code);
 * - a request without a token is rejected (401) when `AUTH_MODE=enforce`, and in
 *   `permissive` mode passes as anonymous, skipping RBAC/REBAC/ABAC (dev/local only).
 */
@Injectable()
export class AuthxGuard extends AuthGuard(AUTHX_JWT) implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly ctx: RequestContext,
    private readonly authorization: AuthorizationService,
    private readonly audit: AuditService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (context.getClass() === HealthController) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined>; user?: Principal }>();
    if (req.headers.authorization === undefined) {
      if (this.config.auth.mode === 'permissive') return true;
      await this.audit.record({ kind: 'authenticate', action: 'bearer', object: null, decision: 'deny', reason: 'TOKEN_MISSING', principal: null });
      throw new UnauthenticatedError('UNAUTHENTICATED', 'a bearer token is required');
    }
    try {
      await super.canActivate(context);
    } catch (error) {
      if (error instanceof AuthxUnavailableError) throw error;
      const code = error instanceof UnauthenticatedError ? error.code : 'TOKEN_INVALID';
      await this.audit.record({ kind: 'authenticate', action: 'bearer', object: null, decision: 'deny', reason: code, principal: null });
      throw error;
    }
    const principal = req.user as Principal;
    this.ctx.setPrincipal(principal);
    await this.authorization.authorize(context, principal);
    return true;
  }

  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    const problem = error ?? info;
    if (problem instanceof UnauthenticatedError || problem instanceof AuthxUnavailableError) throw problem;
    if (error) throw error;
    if (!user) throw new UnauthenticatedError('TOKEN_INVALID', 'the Authorization header must be "Bearer <token>"');
    return user;
  }
}
