// The public surface of AuthX: what apps need (module, options, decorators, errors, services,
// ports to look stores up by). Adapters, the guard's internals and test helpers stay inside.
export { AuthxModule } from './authx.module';
export { authxConfig } from './authx.config';
export type { AuthxEnv } from './authx.config';
export {
  AUTHX_OPTIONS,
  DEFAULT_OTP_POLICY,
  DEFAULT_TOTP_STEP_UP_POLICY,
  OTP_MAX_TTL_SEC,
  PLATFORM_PERMISSION,
  resolveAuthxOptions,
} from './authx.options';
export type { AuthxOptions, OtpPolicy, SessionClaims, ResolvedAuthxOptions, RoleDefinition, TotpStepUpPolicy } from './authx.options';
export { AUTHX_CONTROLLER_NAMES } from './http/authx-controllers';
export type { AuthxControllerName } from './http/authx-controllers';
export { AuthxNotFoundError, AuthxUnavailableError, ForbiddenError, ThrottledError, UnauthenticatedError } from './authx.errors';
export { IS_PUBLIC_KEY, Public } from '@mikasmissions/http';
export { REQUIRE_PERMISSIONS_KEY, RequirePermissions } from './require-permissions.decorator';
export { RELATION_CHECK_KEY, RelationCheck } from './relation-check.decorator';
export type { RelationCheckOptions } from './relation-check.decorator';
export { REQUIRE_KEY, Require } from './require.decorator';
export type { AbacInput, RequireOptions, ResourceLoader } from './require.decorator';
export { AuditService } from './audit/audit.service';
export { OtpService, normalizeSubject, userIdForSubject } from './otp/otp.service';
export type { OtpCheck } from './otp/otp.service';
export { OtpSender } from './otp/otp-sender';
export type { OtpMessage } from './otp/otp-sender';
export { CapturingOtpSender } from './otp/senders/capturing-otp.sender';
export { SmtpOtpSender } from './otp/senders/smtp-otp.sender';
export { TotpService } from './totp/totp.service';
export type { TotpResult } from './totp/totp.service';
export { SessionService } from './sessions/session.service';
export type { SessionOpenOptions, SessionState, SessionSubject, TokenPair } from './sessions/session.service';
export { PolicyRegistry, permissionMatches } from './rbac/policy.registry';
export { DEFAULT_REBAC_SCHEMA } from './rebac/rebac.schema';
export type { RebacSchema, RelationRule } from './rebac/rebac.schema';
export { InvalidTupleError, RebacService } from './rebac/rebac.service';
export type { RebacDecision } from './rebac/rebac.service';
export { JwtCodec } from './tokens/jwt-codec';
export type { AccessTokenClaims, JwtAlgorithm, PublicJwk } from './tokens/jwt-codec';
export { AuditLog } from './ports/audit-log';
export type { AuditEntry, AuditQuery } from './ports/audit-log';
export { OtpStore } from './ports/otp-store';
export type { OtpTicket } from './ports/otp-store';
export { RelationTupleStore } from './ports/relation-tuple-store';
export type { RelationTuple } from './ports/relation-tuple-store';
export { SessionStore } from './ports/session-store';
export type { RefreshTokenRecord, RotateResult, RotationMinter, SessionRecord } from './ports/session-store';
export { RoleAssignmentStore } from './ports/role-assignment-store';
export { RoleDefinitionStore } from './ports/role-definition-store';
export type { StoredRoleDefinition } from './ports/role-definition-store';
export { TotpStore } from './ports/totp-store';
export type { TotpEnrolment } from './ports/totp-store';
export { DEFAULT_AUTHX_SCHEMA } from './adapters/postgres/postgres-schema';
