import { PlatformError } from '@mikasmissions/http';
import type { IdentityProblem } from './identity-headers';

/** A route that needs an identity got a request without the gateway's `x-auth-*` headers (401). */
export class MissingIdentityError extends PlatformError {
  constructor() {
    super(401, 'missing_identity', 'this route needs the identity the gateway signs (x-auth-* headers)');
  }
}

/** The `x-auth-*` headers are forged, expired or malformed: refused in every mode (401). */
export class InvalidIdentityError extends PlatformError {
  constructor(reason: Exclude<IdentityProblem, 'missing'>) {
    super(401, 'invalid_identity', 'the identity headers do not verify', { reason });
  }
}

/** The verified role is not among the route's `@Roles` (403). */
export class InsufficientRoleError extends PlatformError {
  constructor(role: string, allowed: readonly string[]) {
    super(403, 'insufficient_role', `role ${role} may not call this route`, { role, allowed });
  }
}

/** The signed tenant and the `x-tenant-id` header disagree (403). */
export class TenantMismatchError extends PlatformError {
  constructor() {
    super(403, 'tenant_mismatch', 'x-tenant-id differs from the tenant of the verified identity');
  }
}

/** A parent principal named another parent (`parent_user_id`) (403). */
export class ParentMismatchError extends PlatformError {
  constructor() {
    super(403, 'parent_mismatch', 'a parent may act only as itself');
  }
}

/** The principal may not act for this child profile (403). */
export class ChildProfileForbiddenError extends PlatformError {
  constructor() {
    super(403, 'child_profile_forbidden', 'this child profile is not yours');
  }
}
