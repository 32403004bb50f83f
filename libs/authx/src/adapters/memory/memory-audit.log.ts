import { AuditLog, type AuditEntry, type AuditQuery } from '../../ports/audit-log';

/** Keeps the newest decisions in memory (bounded) for dev and tests. */
export class MemoryAuditLog extends AuditLog {
  private readonly entries: AuditEntry[] = [];

  constructor(private readonly capacity = 10_000) {
    super();
  }

  async append(entry: AuditEntry): Promise<void> {
    this.entries.push({ ...entry });
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  async query(query: AuditQuery): Promise<AuditEntry[]> {
    return this.entries
      .filter(
        (e) =>
          e.tenantId === query.tenantId &&
          (!query.principal || e.principal === query.principal) &&
          (!query.decision || e.decision === query.decision),
      )
      .reverse()
      .slice(0, query.limit)
      .map((e) => ({ ...e }));
  }
}
