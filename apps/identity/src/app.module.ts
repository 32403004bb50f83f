import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { ProfileChildOwnership } from '@mikasmissions/service-client';
import { ChildErasureModule } from './child-erasure/child-erasure.module';
import { ControlsModule } from './controls/controls.module';
import { GatesModule } from './gates/gates.module';
import { KidsSessionsModule } from './kids-sessions/kids-sessions.module';
import { MeController } from './me/me.controller';

/**
 * The identity service (port 8081, prefix /v1): hosts AuthX — OTP login (email, SMS, TOTP),
 * access + rotating refresh tokens, sessions, JWKS, and the admin RBAC/REBAC/audit API.
 * Parents and kids' roles: `parent` manages its children, `child` watches.
 */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'identity',
      http: { port: 8081, prefix: 'v1' },
      messaging: true,
      identity: { childOwnership: ProfileChildOwnership },
      authx: {
        roles: [
          { role: 'user', permissions: ['profile:read'] },
          { role: 'parent', permissions: ['profile:*', 'progress:read', 'billing:read'] },
          { role: 'child', permissions: ['catalog:read', 'progress:write'] },
          { role: 'service', permissions: ['*'] },
        ],
      },
    }),
    ControlsModule,
    GatesModule,
    KidsSessionsModule,
    ChildErasureModule,
  ],
  controllers: [MeController],
})
export class AppModule {}
