import { Controller, Get } from '@nestjs/common';
import { Context, type RequestContextSnapshot } from '@mikasmissions/context';

/** `GET /me`: what the platform knows about this request. */
@Controller('me')
export class MeController {
  @Get()
  getMe(@Context() ctx: RequestContextSnapshot): { requestId: string; tenantId: string; userId?: string } {
    return { requestId: ctx.requestId, tenantId: ctx.tenantId, userId: ctx.principal?.userId };
  }
}
