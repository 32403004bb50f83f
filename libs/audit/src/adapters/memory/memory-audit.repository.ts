import { uuidv7 } from 'uuidv7';
import type { AuditEntry, AuditFilter, NewAuditEntry } from '../../audit-entry';
import { AuditRepository } from '../../ports/audit.repository';

/** In-process audit for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryAuditRepository<Action extends string = string, Target extends string = string> extends AuditRepository<Action, Target> {
  private readonly rows: AuditEntry<Action, Target>[] = [];

  async append(entry: NewAuditEntry<Action, Target>): Promise<AuditEntry<Action, Target>> {
    const stored: AuditEntry<Action, Target> = structuredClone({ audit_id: uuidv7(), ...entry, occurred_at: new Date().toISOString() });
    this.rows.push(stored);
    return structuredClone(stored);
  }

  async list(limit: number, { targetType, targetId }: AuditFilter<Target> = {}): Promise<AuditEntry<Action, Target>[]> {
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
