import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@mikasmissions/audit';
import type { AuditEntry, AuditFilter, AuditTarget, ModerationAction, NewAuditEntry } from './audit-entry';

/** Records every moderation decision and trust change (who, what, before, after) and lets admins read them. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository<ModerationAction, AuditTarget>) {}

  /** Appends one entry; call it inside the decision's unit of work so both commit together. */
  record(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.audit.append(entry);
  }

  /** Runs `fn` (a store write plus its {@link record}) as one unit of work: a transaction with Postgres. */
  atomically<T>(fn: () => Promise<T>): Promise<T> {
    return this.audit.atomically(fn);
  }

  /** The newest `limit` entries (of one asset or creator when the filter names it). */
  async list(limit: number, filter: AuditFilter = {}): Promise<{ entries: AuditEntry[] }> {
    return { entries: await this.audit.list(limit, filter) };
  }
}
