import { Module } from '@nestjs/common';
import { AuthxModule } from '@mikasmissions/authx';
import { EventsModule } from '../events/events.module';
import { AuthDemoSeed } from './auth-demo.seed';
import { ProjectsController } from './projects.controller';

/**
 * AuthX on analytics (the runbook's demos): `/auth/*` (OTP, refresh, logout, sessions,
 * dev login, TOTP), `/admin/auth/*` (REBAC tuples, audit, roles), JWKS, and the REBAC demo
 * route `/projects/:projectId/events`.
 */
@Module({
  imports: [AuthxModule.forRoot(), EventsModule],
  controllers: [ProjectsController],
  providers: [AuthDemoSeed],
})
export class AuthModule {}
