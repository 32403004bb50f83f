import { uuidv7 } from 'uuidv7';
import type { AuditEntry, AuditFilter, NewAuditEntry } from '../audit-entry';
import { AuditRepository } from '../audit.repository';

/** In-process audit for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryAuditRepository extends AuditRepository {
  private readonly rows: AuditEntry[] = [];

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    const stored: AuditEntry = structuredClone({ audit_id: uuidv7(), ...entry, occurred_at: new Date().toISOString() });
    this.rows.push(stored);
    return structuredClone(stored);
  }

  async list(limit: number, { targetType, targetId }: AuditFilter = {}): Promise<AuditEntry[]> {
    return this.rows
      .filter((e) => (targetType === undefined || e.target_type === targetType) && (targetId === undefined || e.target_id === targetId))
      .slice(-limit)
      .reverse()
      .map((e) => structuredClone(e));
  }

  atomically<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }
}
