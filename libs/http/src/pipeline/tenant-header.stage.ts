import { BadRequestException, Injectable, Optional } from '@nestjs/common';
import { CTX } from '@mikasmissions/context';
import { ClsService } from 'nestjs-cls';
import { PipelineStage } from './route-stage.decorator';
import type { RouteGuardFn, RouteStage } from './route-stage';

/** Guard stage `tenant`: a malformed `x-tenant-id` is 400 `INVALID_TENANT` before anything else. */
@PipelineStage({ kind: 'guard', name: 'tenant' })
@Injectable()
export class TenantHeaderStage implements RouteStage<RouteGuardFn> {
  constructor(@Optional() private readonly cls?: ClsService) {}

  plan(): RouteGuardFn {
    return () => {
      if (this.cls?.isActive() && this.cls.get<boolean>(CTX.tenantHeaderInvalid)) {
        throw new BadRequestException({ code: 'invalid_tenant', message: 'x-tenant-id must be 1-64 characters of A-Z, a-z, 0-9, _ and -' });
      }
    };
  }
}
