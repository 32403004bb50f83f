import type { RequestContext } from '@mikasmissions/context';
import type { RowScope } from '@mikasmissions/persistence';

/** The Postgres role playback's `sessions` policy binds to (prisma/playback/migrations/*_sessions_row_security). */
export const PLAYBACK_FAMILY_ROLE = 'playback_family';

/**
 * Whose sessions a store call may see: one parent's (a parent, or a child acting under its
 * parent), or any in the tenant for the platform's own callers (event consumers, `service`).
 */
export type SessionScope = { tenantId: string; parentUserId: string } | { tenantId: string; service: true };

/** Whether `scope` is the service scope. */
export const isServiceScope = (scope: SessionScope): scope is { tenantId: string; service: true } => 'service' in scope;

/**
 * The scope of the current request: a parent or child principal acts for its parent (a child
 * principal without a parent id gets a scope that matches nothing); `service`, `admin` and an
 * unauthenticated call (permissive mode, and event consumers, which carry no principal) act as
 * the service.
 */
export function actingSessionScope(ctx: RequestContext): SessionScope {
  const principal = ctx.principal;
  const tenantId = ctx.tenantId;
  if (principal?.role === 'parent') return { tenantId, parentUserId: principal.parentUserId ?? principal.userId };
  if (principal?.role === 'child') return { tenantId, parentUserId: principal.parentUserId ?? '' };
  return { tenantId, service: true };
}

/** The {@link RowScope} the Postgres adapter runs under: `SET LOCAL ROLE playback_family` plus the policy's settings. */
export function sessionRowScope(scope: SessionScope): RowScope {
  return isServiceScope(scope)
    ? { role: PLAYBACK_FAMILY_ROLE, settings: { 'mm.tenant_id': scope.tenantId, 'mm.scope': 'service' } }
    : { role: PLAYBACK_FAMILY_ROLE, settings: { 'mm.tenant_id': scope.tenantId, 'mm.parent_user_id': scope.parentUserId } };
}
