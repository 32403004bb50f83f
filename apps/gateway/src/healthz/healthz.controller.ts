import { Controller, Get } from '@nestjs/common';
import { Public } from '@mikasmissions/http';

/** `GET /healthz`: seed 000's liveness path, the same answer as `/health` (checks nothing but the process). */
@Public()
@Controller()
export class HealthzController {
  @Get('healthz')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
