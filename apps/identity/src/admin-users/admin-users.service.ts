import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditService, SessionService } from '@mikasmissions/authx';
import type { ResponseBody } from '@mikasmissions/contracts-api';
import { AppConfig } from '@mikasmissions/config';
import { RequestContext } from '@mikasmissions/context';
import { PersistenceService } from '@mikasmissions/persistence';
import { uuidv7 } from 'uuidv7';
import { LoginThrottle } from '../parents/login-throttle';
import { InvalidCredentialsError } from '../parents/parents.errors';
import type { SignInOrigin } from '../parents/parents.service';
import { PasswordHasher } from '../parents/password-hasher';
import { adminBootstrapConfig, DEV_ADMIN } from './admin-bootstrap.config';
import { AdminUsersRepository } from './admin-users.repository';

/** The tenant bootstrap admins live in. */
export const ADMIN_TENANT = 'default';

/**
 * Admin accounts: the bootstrap admin from `ADMIN_BOOTSTRAP_EMAIL`/`_PASSWORD` (or, in memory
 * mode outside production, the documented dev admin) is created at start-up; `login` checks
 * the password (argon2id, dummy hash for unknown emails, the same throttle as parents) and
 * opens an AuthX session with role `admin`.
 */
@Injectable()
export class AdminUsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminUsers');

  constructor(
    private readonly admins: AdminUsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly ctx: RequestContext,
    private readonly config: AppConfig,
    private readonly persistence: PersistenceService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const env = this.config.slice(adminBootstrapConfig);
    const seed =
      env.ADMIN_BOOTSTRAP_EMAIL && env.ADMIN_BOOTSTRAP_PASSWORD
        ? { email: env.ADMIN_BOOTSTRAP_EMAIL, password: env.ADMIN_BOOTSTRAP_PASSWORD }
        : this.persistence.preferredStore({ redis: false }) === 'memory' && !this.config.persistence.strict
          ? DEV_ADMIN
          : undefined;
    if (!seed) return;
    const emailKey = seed.email.trim().toLowerCase();
    const { created } = await this.admins.ensure({
      id: uuidv7(),
      tenantId: ADMIN_TENANT,
      emailKey,
      passwordHash: await this.hasher.hash(seed.password),
    });
    if (created)
      this.logger.log(
        `bootstrap admin created (${seed === DEV_ADMIN ? 'dev admin, see apps/identity/README.md' : 'ADMIN_BOOTSTRAP_EMAIL'})`,
      );
  }

  /** Signs an admin in; 401 `invalid_credentials`, 429 `rate_limited`. */
  async login(email: string, password: string, from: SignInOrigin): Promise<ResponseBody<'adminLogin', 200>> {
    const tenantId = this.ctx.tenantId;
    const emailKey = email.trim().toLowerCase();
    await this.throttle.take('admin', tenantId, emailKey, from.ip);
    const admin = await this.admins.findByEmail(tenantId, emailKey);
    const ok = await this.hasher.verifyOrBurn(admin?.passwordHash ?? null, password);
    if (!admin || !ok) {
      await this.audit.record({
        kind: 'login',
        action: 'admin.login',
        object: null,
        decision: 'deny',
        reason: 'invalid_credentials',
        principal: null,
      });
      throw new InvalidCredentialsError();
    }
    await this.throttle.remember('admin', tenantId, emailKey, from.ip);
    const pair = await this.sessions.open(
      { tenantId, userId: admin.id, roles: ['admin'], userAgent: from.userAgent },
      { keepAssigned: () => false },
    );
    await this.audit.record({
      kind: 'login',
      action: 'admin.login',
      object: `admin:${admin.id}`,
      decision: 'allow',
      reason: 'password_ok',
      principal: admin.id,
    });
    return { access_token: pair.accessToken, token_type: 'Bearer', expires_in: pair.expiresIn, admin_user_id: admin.id, role: 'admin' };
  }
}
