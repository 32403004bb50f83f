import type { RowScope } from '@mikasmissions/persistence';

/** The Postgres role identity's family tables bind their row-level-security policies to. */
export const FAMILY_DB_ROLE = 'identity_family';

/**
 * Whose family rows a store call may see: a parent's own (`parentUserId`), or any in the tenant
 * for the platform's own callers (`service`, only behind `/internal/*` and admin paths).
 */
export type FamilyScope = { tenantId: string; parentUserId: string } | { tenantId: string; service: true };

/** Whether `scope` is the service scope. */
export const isServiceScope = (scope: FamilyScope): scope is { tenantId: string; service: true } => 'service' in scope;

/** Whether `scope` may see a row of `tenantId` owned by `parentUserId` (the memory adapters' copy of the RLS policy). */
export function scopeAllows(scope: FamilyScope, tenantId: string, parentUserId: string): boolean {
  return scope.tenantId === tenantId && (isServiceScope(scope) || scope.parentUserId === parentUserId);
}

/**
 * The {@link RowScope} the Postgres adapters run under: `SET LOCAL ROLE identity_family` and the
 * settings the `family_scope` policies read (see prisma/identity/migrations/*_family_controls).
 */
export function rowScopeOf(scope: FamilyScope): RowScope {
  return isServiceScope(scope)
    ? { role: FAMILY_DB_ROLE, settings: { 'mm.tenant_id': scope.tenantId, 'mm.scope': 'service' } }
    : { role: FAMILY_DB_ROLE, settings: { 'mm.tenant_id': scope.tenantId, 'mm.parent_user_id': scope.parentUserId } };
}
