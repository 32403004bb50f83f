export { EDGE_ROLES, IDENTITY_HEADERS, REQUEST_ID, signIdentity, verifyIdentity } from './identity-headers';
export type { EdgeIdentity, EdgeRole, IdentityCheck, IdentityProblem, SignedRequest } from './identity-headers';
