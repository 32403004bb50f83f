import type { RequestContext } from '@mikasmissions/context';
import type { RowScope } from '@mikasmissions/persistence';

/** The Postgres role progress's `family_scope` policies bind to (prisma/progress/migrations/*_family_row_security). */
export const PROGRESS_FAMILY_ROLE = 'progress_family';

/**
 * Whose rows a store call may see: one parent's (a parent, or a child acting under its parent),
 * or any in the tenant for the platform's own callers (`/internal/*`, event consumers).
 */
export type FamilyRowScope = { tenantId: string; parentUserId: string } | { tenantId: string; service: true };

/**
 * The scope of the current request: a parent or child principal acts for its parent (a child
 * principal without a parent id matches nothing); `service`, `admin` and calls without a
 * principal (event consumers; permissive mode) act as the service.
 */
export function actingFamilyScope(ctx: RequestContext): FamilyRowScope {
  const principal = ctx.principal;
  const tenantId = ctx.tenantId;
  if (principal?.role === 'parent') return { tenantId, parentUserId: principal.parentUserId ?? principal.userId };
  if (principal?.role === 'child') return { tenantId, parentUserId: principal.parentUserId ?? '' };
  return { tenantId, service: true };
}

/** The {@link RowScope} the Postgres adapter runs under: `SET LOCAL ROLE progress_family` plus the policies' settings. */
export function familyRowScope(scope: FamilyRowScope): RowScope {
  return 'service' in scope
    ? { role: PROGRESS_FAMILY_ROLE, settings: { 'mm.tenant_id': scope.tenantId, 'mm.scope': 'service' } }
    : { role: PROGRESS_FAMILY_ROLE, settings: { 'mm.tenant_id': scope.tenantId, 'mm.parent_user_id': scope.parentUserId } };
}
