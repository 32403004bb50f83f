import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import { DEFAULT_TENANT } from '@mikasmissions/context';
import { PolicyRegistry, RebacService } from '@mikasmissions/authx';

/**
 * The runbook's bootstrap: per-tenant roles (`tenantA`) and, with the dev login on
 * (`AUTH_DEV_LOGIN=true`, never in strict mode), the tuple that makes the SDK snippet
 * (`auth.login({ userId: 'u1' })` → `/projects/proj_123/events`) answer 200.
 */
@Injectable()
export class AuthDemoSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuthDemoSeed');

  constructor(
    private readonly policies: PolicyRegistry,
    private readonly rebac: RebacService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.policies.registerRole('user', ['events:write'], 'tenantA');
    this.policies.registerRole('admin', ['events:write', 'events:read'], 'tenantA');
    this.policies.registerRole('user', ['events:write', 'events:read'], DEFAULT_TENANT);
    if (!this.config.auth.devLogin) return;
    try {
      await this.rebac.write(DEFAULT_TENANT, { object: 'project:proj_123', relation: 'viewer', subject: 'user:u1' });
    } catch (error) {
      this.logger.warn(`demo tuple not written: ${(error as Error).message}`);
    }
  }
}
