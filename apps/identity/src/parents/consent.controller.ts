import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Public } from '@mikasmissions/authx';
import type { ResponseBody } from '@mikasmissions/contracts-api';
import { Roles } from '@mikasmissions/service-identity';
import { ConsentRequestDto, ConsentVerifyDto } from './dto/consent.dto';
import { ConsentService } from './consent.service';

/** Verifiable parental consent: `POST /v1/parents/consent/request` (the parent) and `/verify` (public, the code proves it). */
@Controller('parents/consent')
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Roles('parent', 'service')
  @Post('request')
  @HttpCode(202)
  request(@Body() dto: ConsentRequestDto): Promise<ResponseBody<'parentConsentRequest', 202>> {
    return this.consent.request(dto.parent_user_id, dto.method);
  }

  @Public()
  @Post('verify')
  @HttpCode(200)
  verify(@Body() dto: ConsentVerifyDto): Promise<ResponseBody<'parentConsentVerify', 200>> {
    return this.consent.verify({
      parentUserId: dto.parent_user_id,
      method: dto.method,
      challenge: dto.challenge,
      consentRequestId: dto.consent_request_id,
    });
  }
}
