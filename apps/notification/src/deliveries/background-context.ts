import { Injectable } from '@nestjs/common';
import { CTX } from '@mikasmissions/context';
import { randomUUID } from 'node:crypto';
import { CLS_ID, ClsService } from 'nestjs-cls';

/**
 * Runs background work (the jobs) in a request context of its own with the given tenant, so
 * ServiceClient signs its calls for that tenant and log lines carry a request id.
 */
@Injectable()
export class BackgroundContext {
  constructor(private readonly cls: ClsService) {}

  run<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.cls.set(CLS_ID, `notification-${randomUUID()}`);
      this.cls.set(CTX.tenantHeader, tenantId);
      return work();
    });
  }
}
