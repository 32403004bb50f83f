import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { GatesService } from './gates.service';

/** `POST /internal/gates/consume {child_profile_id, gate_token}` → `{consumed}` (service identity only; a second call is `false`). */
@Controller('internal/gates')
export class InternalGatesController {
  constructor(private readonly gates: GatesService) {}

  @Post('consume')
  @HttpCode(200)
  consume(@Body() body: unknown): Promise<{ consumed: boolean }> {
    return this.gates.consumeInternal(body);
  }
}
