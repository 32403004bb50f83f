import { Controller, Get } from '@nestjs/common';
import { Context, type RequestContextSnapshot } from '@mikasmissions/context';
import { RequirePermissions } from '@mikasmissions/authx';

/** `GET /me`: the signed-in principal (needs `profile:read`, which every user holds). */
@Controller('me')
export class MeController {
  @RequirePermissions('profile:read')
  @Get()
  me(@Context() ctx: RequestContextSnapshot): {
    requestId: string;
    tenantId: string;
    userId?: string;
    roles: string[];
    sessionId?: string;
  } {
    return {
      requestId: ctx.requestId,
      tenantId: ctx.tenantId,
      userId: ctx.principal?.userId,
      roles: ctx.principal?.roles ?? [],
      sessionId: ctx.principal?.sessionId,
    };
  }
}
