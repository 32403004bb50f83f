export { EDGE_ROLES, IDENTITY_HEADERS, REQUEST_ID, signIdentity, verifyIdentity } from './identity-headers';
export type { EdgeIdentity, EdgeRole, IdentityCheck, IdentityProblem, SignedRequest } from './identity-headers';
export {
  DEV_EDGE_IDENTITY_KEY,
  MIN_EDGE_IDENTITY_KEY_LENGTH,
  resolveIdentitySettings,
  serviceIdentityConfig,
} from './service-identity.config';
export type { IdentitySettings, ServiceIdentityEnv } from './service-identity.config';
export { Roles, RolesDecorator } from './roles.decorator';
export { IDENTITY_SETTINGS, IdentityStage, principalOf } from './identity.stage';
export { IdentityScope } from './identity-scope';
export type { ScopedRequestParts, ScopeRequest } from './identity-scope';
export { CHILD_OWNERSHIP } from './ports/child-ownership';
export type { ChildOwnership } from './ports/child-ownership';
export { MemoryChildOwnership } from './adapters/memory/memory-child-ownership';
export {
  ChildProfileForbiddenError,
  InsufficientRoleError,
  InvalidIdentityError,
  MissingIdentityError,
  ParentMismatchError,
  TenantMismatchError,
} from './identity.errors';
export { ServiceIdentityModule } from './service-identity.module';
export type { ServiceIdentityOptions } from './service-identity.module';
