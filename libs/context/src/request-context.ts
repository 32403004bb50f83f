import { Injectable } from '@nestjs/common';
import { ClsService, ClsServiceManager } from 'nestjs-cls';
import { DEFAULT_TENANT } from './request-id';
import type { Principal, RequestContextSnapshot } from './principal';

/** Keys under which the request context lives in CLS (symbols: a plain property read, no dotted path). */
export const CTX = {
  tenantHeader: Symbol('mm.tenantHeader'),
  tenantHeaderInvalid: Symbol('mm.tenantHeaderInvalid'),
  principal: Symbol('mm.principal'),
} as const;

/**
 * The current request's id, tenant and principal, readable anywhere in its async flow.
 *
 * @example
 * constructor(private readonly ctx: RequestContext) {}
 * this.ctx.tenantId; // 'tenantA'
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  get active(): boolean {
    return this.cls.isActive();
  }

  get requestId(): string {
    return this.cls.isActive() ? this.cls.getId() : 'background';
  }

  /** `x-tenant-id`, else the principal's tenant, else `default`. */
  get tenantId(): string {
    if (!this.cls.isActive()) return DEFAULT_TENANT;
    return this.cls.get<string | undefined>(CTX.tenantHeader) ?? this.principal?.tenantId ?? DEFAULT_TENANT;
  }

  /** The tenant the caller asked for in `x-tenant-id`, if any. */
  get requestedTenant(): string | undefined {
    return this.cls.isActive() ? this.cls.get<string | undefined>(CTX.tenantHeader) : undefined;
  }

  get principal(): Principal | undefined {
    return this.cls.isActive() ? this.cls.get<Principal | undefined>(CTX.principal) : undefined;
  }

  setPrincipal(principal: Principal | undefined): void {
    this.cls.set(CTX.principal, principal);
  }

  /** The context a handler sees (`@Context()`); the edge identity's fields are lifted from the principal. */
  snapshot(): RequestContextSnapshot {
    const principal = this.principal;
    const snapshot: RequestContextSnapshot = { requestId: this.requestId, tenantId: this.tenantId, principal };
    if (principal?.role !== undefined) snapshot.role = principal.role;
    if (principal?.parentUserId !== undefined) snapshot.parentUserId = principal.parentUserId;
    if (principal?.childProfileId !== undefined) snapshot.childProfileId = principal.childProfileId;
    return snapshot;
  }

  /** The context of whatever request is running now, for code outside Nest's DI. */
  static current(): RequestContext {
    return new RequestContext(ClsServiceManager.getClsService());
  }
}
