/** A role's permissions in one tenant, or in every tenant (`tenantId: '*'`). */
export interface StoredRoleDefinition {
  tenantId: string;
  role: string;
  permissions: string[];
}

/**
 * Port: RBAC roles defined at run time, shared by every replica (the `PolicyRegistry`
 * reads them back). Adapters: memory, Postgres.
 */
export abstract class RoleDefinitionStore {
  /** Adds `permissions` to `role` in `tenantId` (`*`: every tenant); idempotent. */
  abstract define(tenantId: string, role: string, permissions: readonly string[]): Promise<void>;
  /** Every stored definition, permissions sorted, ordered by tenant and role. */
  abstract all(): Promise<StoredRoleDefinition[]>;
}
