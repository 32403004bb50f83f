/** A caller as the gateway signs it; the same shape as libs/service-identity's `EdgeIdentity`. */
export interface TestIdentity {
  role: 'parent' | 'child' | 'service' | 'admin' | 'creator';
  tenantId: string;
  requestId: string;
  parentUserId?: string;
  childProfileId?: string;
  subject?: string;
}

/**
 * Identities as the gateway signs them (tenant `default`), shaped like libs/service-identity's
 * `EdgeIdentity`; sign them with the `sign` of {@link createContractCall}.
 *
 * @example
 * await call('GET', `/v1/kids/progress/${kid}`, who.child(parent, kid));
 * await call('POST', '/v1/internal/watch-events', who.service('playback'), body);
 */
export const who = {
  parent: (parentUserId: string): TestIdentity => ({
    role: 'parent',
    tenantId: 'default',
    requestId: `r-${parentUserId}`,
    parentUserId,
    subject: parentUserId,
  }),
  child: (parentUserId: string, childProfileId: string): TestIdentity => ({
    role: 'child',
    tenantId: 'default',
    requestId: `r-${childProfileId}`,
    parentUserId,
    childProfileId,
    subject: childProfileId,
  }),
  /** A service caller; `subject` names it (the gateway by default). */
  service: (subject = 'service:gateway'): TestIdentity => ({ role: 'service', tenantId: 'default', requestId: 'r-service', subject }),
  admin: (): TestIdentity => ({ role: 'admin', tenantId: 'default', requestId: 'r-admin', subject: 'admin' }),
};
