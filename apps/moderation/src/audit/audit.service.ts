import { Injectable } from '@nestjs/common';
import type { AuditEntry, NewAuditEntry } from './audit-entry';
import { AuditRepository } from './audit.repository';

/** Records every moderation decision (who, what, before, after) and lets admins read them. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /** Appends one entry; call it inside the decision's unit of work so both commit together. */
  record(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.audit.append(entry);
  }

  /** The newest `limit` entries (of one asset when `assetId` is given). */
  async list(limit: number, assetId?: string): Promise<{ entries: AuditEntry[] }> {
    return { entries: await this.audit.list(limit, assetId) };
  }
}
