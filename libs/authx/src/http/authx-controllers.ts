import type { Type } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthxAdminController } from './authx-admin.controller';
import { JwksController } from './jwks.controller';
import { RebacAdminController } from './rebac-admin.controller';
import { RoleAssignmentsController } from './role-assignments.controller';
import { TotpController } from './totp.controller';

const CONTROLLERS = {
  auth: AuthController,
  totp: TotpController,
  'rebac-admin': RebacAdminController,
  'authx-admin': AuthxAdminController,
  'role-assignments': RoleAssignmentsController,
  jwks: JwksController,
} as const satisfies Record<string, Type>;

/**
 * The HTTP surfaces of AuthX, by name: `auth` (`/auth/*` OTP, refresh, logout, sessions, dev
 * login), `totp` (`/auth/totp/*`), `rebac-admin` (`/admin/auth/rebac`), `authx-admin`
 * (`/admin/auth/audit`, `/admin/auth/roles`), `role-assignments`
 * (`/admin/auth/users/:userId/roles`) and `jwks` (`/.well-known/jwks.json`).
 */
export type AuthxControllerName = keyof typeof CONTROLLERS;

/** Every {@link AuthxControllerName}, in registration order. */
export const AUTHX_CONTROLLER_NAMES = Object.keys(CONTROLLERS) as AuthxControllerName[];

/**
 * The controller classes `AuthxModule.forRoot({ controllers })` mounts: `true` (default) all of
 * them, `false` none, a list exactly those. An unknown name fails at start-up.
 */
export function authxControllers(choice: boolean | readonly AuthxControllerName[] = true): Type[] {
  if (choice === true) return Object.values(CONTROLLERS);
  if (choice === false) return [];
  const unknown = choice.filter((name) => !Object.hasOwn(CONTROLLERS, name));
  if (unknown.length > 0)
    throw new Error(`AuthxModule: unknown controller(s) ${unknown.join(', ')}; expected some of ${AUTHX_CONTROLLER_NAMES.join(', ')}`);
  return [...new Set(choice)].map((name) => CONTROLLERS[name]);
}
