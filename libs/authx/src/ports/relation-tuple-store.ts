/** `object#relation@subject`, e.g. `project:123#viewer@user:1` or `…@group:kids#member`. */
export interface RelationTuple {
  object: string;
  relation: string;
  subject: string;
}

/** Port: REBAC relation tuples, namespaced by tenant. Adapters: memory, Postgres. */
export abstract class RelationTupleStore {
  /** Adds the tuple; idempotent. */
  abstract write(tenantId: string, tuple: RelationTuple): Promise<void>;
  /** Removes the tuple; true when it existed. */
  abstract delete(tenantId: string, tuple: RelationTuple): Promise<boolean>;
  /** Subjects holding `relation` on `object` directly (user ids and usersets). */
  abstract subjects(tenantId: string, object: string, relation: string): Promise<string[]>;
  /** Tuples of a tenant matching the filter, for admins. */
  abstract list(tenantId: string, filter: Partial<RelationTuple>, limit: number): Promise<RelationTuple[]>;
}
