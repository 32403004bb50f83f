import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { AUTHX_OPTIONS, Public, type ResolvedAuthxOptions } from '@mikasmissions/authx';
import type { ResponseBody } from '@mikasmissions/contracts-api';
import { LoginDto } from './dto/login.dto';
import { OtpLoginRequestDto, OtpLoginVerifyDto } from './dto/otp-login.dto';
import { ParentOtpLogin } from './parent-otp-login.service';
import { SignupDto } from './dto/signup.dto';
import { ParentsService } from './parents.service';
import { signInOrigin, type OriginRequest } from './sign-in-origin';

/** `POST /v1/parents/signup`, `/login` and `/login/otp/{request,verify}` (public: no token yet). */
@Controller('parents')
export class ParentsController {
  constructor(
    private readonly parents: ParentsService,
    private readonly otpLogin: ParentOtpLogin,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
  ) {}

  @Public()
  @Post('signup')
  @HttpCode(201)
  signup(@Body() dto: SignupDto): Promise<ResponseBody<'parentSignup', 201>> {
    return this.parents.signup(dto);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: OriginRequest): Promise<ResponseBody<'parentLogin', 200>> {
    return this.parents.login(dto.email, dto.password, signInOrigin(req, this.options.trustedProxyHops));
  }

  @Public()
  @Post('login/otp/request')
  @HttpCode(200)
  otpRequest(@Body() dto: OtpLoginRequestDto, @Req() req: OriginRequest): Promise<ResponseBody<'parentOtpRequest', 200>> {
    return this.otpLogin.request(dto.email, signInOrigin(req, this.options.trustedProxyHops));
  }

  @Public()
  @Post('login/otp/verify')
  @HttpCode(200)
  otpVerify(@Body() dto: OtpLoginVerifyDto, @Req() req: OriginRequest): Promise<ResponseBody<'parentLogin', 200>> {
    return this.otpLogin.verify(dto.ticket_id, dto.code, signInOrigin(req, this.options.trustedProxyHops));
  }
}
