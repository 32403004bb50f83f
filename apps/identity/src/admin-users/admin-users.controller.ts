import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { AUTHX_OPTIONS, Public, type ResolvedAuthxOptions } from '@mikasmissions/authx';
import type { ResponseBody } from '@mikasmissions/contracts-api';
import { LoginDto } from '../parents/dto/login.dto';
import { signInOrigin, type OriginRequest } from '../parents/sign-in-origin';
import { AdminUsersService } from './admin-users.service';

/** `POST /v1/admin/login` (public): an admin's access token. */
@Controller('admin')
export class AdminUsersController {
  constructor(
    private readonly admins: AdminUsersService,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: OriginRequest): Promise<ResponseBody<'adminLogin', 200>> {
    return this.admins.login(dto.email, dto.password, signInOrigin(req, this.options.trustedProxyHops));
  }
}
