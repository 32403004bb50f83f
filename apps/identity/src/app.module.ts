import { Module } from '@nestjs/common';
import { AuthxModule } from '@mikasmissions/authx';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { HealthModule } from '@mikasmissions/health';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { MeController } from './me/me.controller';

/**
 * The identity service (port 8081, prefix /v1): hosts AuthX — OTP login (email, SMS, TOTP),
 * access + rotating refresh tokens, sessions, JWKS, and the admin RBAC/REBAC/audit API.
 * Parents and kids' roles: `parent` manages its children, `child` watches.
 */
@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot({ serviceName: 'identity' }),
    PersistenceModule.forRoot({ schema: 'identity' }),
    PlatformHttpModule,
    HealthModule,
    AuthxModule.forRoot({
      roles: [
        { role: 'user', permissions: ['profile:read'] },
        { role: 'parent', permissions: ['profile:*', 'progress:read', 'billing:read'] },
        { role: 'child', permissions: ['catalog:read', 'progress:write'] },
        { role: 'service', permissions: ['*'] },
      ],
    }),
  ],
  controllers: [MeController],
})
export class AppModule {}
