import { Module } from '@nestjs/common';
import type { SessionClaims } from '@mikasmissions/authx';
import { PlatformModule } from '@mikasmissions/platform';
import { ProfileChildOwnership } from '@mikasmissions/service-client';
import { AdminUsersModule } from './admin-users/admin-users.module';
import { ChildErasureModule } from './child-erasure/child-erasure.module';
import { ControlsModule } from './controls/controls.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { GatesModule } from './gates/gates.module';
import { IdentityPrismaService } from './infra/identity-prisma.service';
import { InfraModule } from './infra/infra.module';
import { KidsSessionsModule } from './kids-sessions/kids-sessions.module';
import { MeController } from './me/me.controller';
import { ParentsModule } from './parents/parents.module';

/**
 * The claims the gateway reads from an identity token: `mm_role` and the family ids (libs/edge-auth).
 * `creator` (granted by an admin through `POST /v1/admin/auth/users/{id}/roles`) opens the creator
 * routes; a parent or admin who also creates keeps that role's claims.
 */
const edgeClaims: SessionClaims = ({ userId, roles }): Record<string, string> => {
  if (roles.includes('parent')) return { mm_role: 'parent', parent_user_id: userId };
  if (roles.includes('admin')) return { mm_role: 'admin', admin_user_id: userId };
  if (roles.includes('creator')) return { mm_role: 'creator' };
  return {};
};

/**
 * The identity service (port 8081, prefix /v1): hosts AuthX — OTP login (email, SMS, TOTP),
 * access + rotating refresh tokens, sessions, JWKS, and the admin RBAC/REBAC/audit API.
 * Parents and kids' roles: `parent` manages its children, `child` watches; `creator` uploads episodes.
 */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'identity',
      http: { port: 8081, prefix: 'v1' },
      prisma: { token: IdentityPrismaService, imports: [InfraModule] },
      messaging: true,
      identity: { childOwnership: ProfileChildOwnership },
      authx: {
        sessionClaims: edgeClaims,
        roles: [
          { role: 'user', permissions: ['profile:read'] },
          { role: 'parent', permissions: ['profile:*', 'progress:read', 'billing:read'] },
          { role: 'child', permissions: ['catalog:read', 'progress:write'] },
          { role: 'creator', permissions: ['creator:upload', 'creator:read'] },
          { role: 'service', permissions: ['*'] },
        ],
      },
    }),
    ParentsModule,
    AdminUsersModule,
    DashboardModule,
    ControlsModule,
    GatesModule,
    KidsSessionsModule,
    ChildErasureModule,
  ],
  controllers: [MeController],
})
export class AppModule {}
