/** The role claims, in the order the edge reads them (issue 10). */
const ROLE_PATHS: readonly (readonly string[])[] = [
  ['mm_role'],
  ['role'],
  ['app_metadata', 'mm_role'],
  ['app_metadata', 'role'],
  ['user_metadata', 'mm_role'],
  ['user_metadata', 'role'],
  ['user_role'],
];

/** Supabase's Postgres roles: every Supabase token has one in `role`; none is a platform role. */
const DATABASE_ROLES = new Set(['authenticated', 'anon', 'service_role']);

/**
 * Identity (libs/authx) tokens carry `roles: string[]` and no single role. The edge role of such a
 * token is the first of these, in this order, that the array holds (`platform-admin` counts as
 * `admin`); the array's own order is not meaningful (requested roles, then assigned ones).
 */
const IDENTITY_ROLE_PRECEDENCE: readonly (readonly [string, string])[] = [
  ['service', 'service'],
  ['admin', 'admin'],
  ['platform-admin', 'admin'],
  ['parent', 'parent'],
  ['creator', 'creator'],
  ['child', 'child'],
];

function dig(payload: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = payload;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function asRole(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const role = value.trim().toLowerCase();
  return role === '' || DATABASE_ROLES.has(role) ? undefined : role;
}

/**
 * The caller's role from verified JWT claims, lowercased: the first non-empty string of `mm_role`,
 * `role`, `app_metadata.mm_role`, `app_metadata.role`, `user_metadata.mm_role`,
 * `user_metadata.role`, `user_role`; Supabase's database roles (`authenticated`, `anon`,
 * `service_role`) are skipped. Failing those, an identity token's `roles` array gives its
 * highest edge role: service, admin (or platform-admin), parent, creator, child.
 *
 * @example
 * roleOf({ role: 'authenticated', app_metadata: { role: 'Parent' } }) // 'parent'
 * roleOf({ roles: ['user', 'parent'] })                                // 'parent'
 */
export function roleOf(payload: Record<string, unknown>): string | undefined {
  for (const path of ROLE_PATHS) {
    const role = asRole(dig(payload, path));
    if (role !== undefined) return role;
  }
  const roles = payload.roles;
  if (!Array.isArray(roles)) return undefined;
  const held = new Set(roles.filter((r): r is string => typeof r === 'string').map((r) => r.trim().toLowerCase()));
  return IDENTITY_ROLE_PRECEDENCE.find(([identityRole]) => held.has(identityRole))?.[1];
}
