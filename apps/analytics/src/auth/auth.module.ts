import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { AuthDemoSeed } from './auth-demo.seed';
import { ProjectsController } from './projects.controller';

/**
 * AuthX demos on analytics (AuthX itself comes from `PlatformModule`'s `authx` option): `/auth/*` (OTP, refresh, logout, sessions,
 * dev login, TOTP), `/admin/auth/*` (REBAC tuples, audit, roles), JWKS, and the REBAC demo
 * route `/projects/:projectId/events`.
 */
@Module({
  imports: [EventsModule],
  controllers: [ProjectsController],
  providers: [AuthDemoSeed],
})
export class AuthModule {}
