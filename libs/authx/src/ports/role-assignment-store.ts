/** Port: roles granted to users per tenant. Adapters: memory, Postgres. */
export abstract class RoleAssignmentStore {
  /** Grants `role`; idempotent. */
  abstract assign(tenantId: string, userId: string, role: string): Promise<void>;
  /** Withdraws `role`; true when it was held. */
  abstract unassign(tenantId: string, userId: string, role: string): Promise<boolean>;
  /** Roles of one user in one tenant, sorted. */
  abstract rolesOf(tenantId: string, userId: string): Promise<string[]>;
}
