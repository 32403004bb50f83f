import { BadRequestException, CanActivate, Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { CTX } from './request-context';

/** Rejects a malformed `x-tenant-id` with 400 before any handler sees it. */
@Injectable()
export class TenantHeaderGuard implements CanActivate {
  constructor(private readonly cls: ClsService) {}

  canActivate(): boolean {
    if (this.cls.isActive() && this.cls.get<boolean>(CTX.tenantHeaderInvalid)) {
      throw new BadRequestException({
        code: 'INVALID_TENANT',
        message: 'x-tenant-id must be 1-64 characters of A-Z, a-z, 0-9, _ and -',
      });
    }
    return true;
  }
}
