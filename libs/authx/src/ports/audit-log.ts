/** One authorization or authentication decision. */
export interface AuditEntry {
  at: string;
  requestId: string;
  tenantId: string;
  principal: string | null;
  /** What was checked: `permission`, `relation`, `predicate`, `tenant`, `authenticate`, `totp`, `refresh`, … */
  kind: string;
  action: string;
  object: string | null;
  decision: 'allow' | 'deny';
  reason: string;
}

/** Filter of {@link AuditLog.query}. */
export interface AuditQuery {
  tenantId: string;
  principal?: string;
  decision?: 'allow' | 'deny';
  limit: number;
}

/** Port: where decisions are kept for admins. Adapters: memory, Postgres (both also log). */
export abstract class AuditLog {
  abstract append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  abstract query(query: AuditQuery): Promise<AuditEntry[]>;
}
