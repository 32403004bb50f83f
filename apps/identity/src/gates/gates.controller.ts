import { Body, Controller, HttpCode, Post, Put } from '@nestjs/common';
import type { Schema } from '@mikasmissions/contracts-api';
import { Roles } from '@mikasmissions/service-identity';
import { GatesService } from './gates.service';

/** Parent gates: `PUT /v1/parents/pin`, `POST /v1/parents/gates/challenge`, `POST /v1/parents/gates/verify`. */
@Controller('parents')
export class GatesController {
  constructor(private readonly gates: GatesService) {}

  @Roles('parent')
  @Put('pin')
  setPin(@Body() body: unknown): Promise<Schema<'ParentPinResponse'>> {
    return this.gates.setPin(body);
  }

  @Roles('parent', 'service')
  @Post('gates/challenge')
  @HttpCode(201)
  challenge(@Body() body: unknown): Promise<Schema<'GateChallengeResponse'>> {
    return this.gates.challenge(body);
  }

  @Roles('parent', 'service')
  @Post('gates/verify')
  @HttpCode(200)
  verify(@Body() body: unknown): Promise<Schema<'GateVerifyResponse'>> {
    return this.gates.verify(body);
  }
}
