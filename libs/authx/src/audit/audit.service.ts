import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { AuditLog, type AuditEntry } from '../ports/audit-log';

/** What a caller reports; the service stamps time, request id and tenant. */
export type AuditInput = Omit<AuditEntry, 'at' | 'requestId' | 'tenantId' | 'principal'> & { tenantId?: string; principal?: string | null };

/**
 * Records every authentication/authorization decision to the {@link AuditLog} port and as a
 * structured log line (`AuthxAudit`). A failing audit store never fails the request.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('AuthxAudit');

  constructor(
    private readonly log: AuditLog,
    private readonly ctx: RequestContext,
  ) {}

  async record(input: AuditInput): Promise<void> {
    const entry: AuditEntry = {
      at: new Date().toISOString(),
      requestId: this.ctx.requestId,
      tenantId: input.tenantId ?? this.ctx.tenantId,
      principal: input.principal !== undefined ? input.principal : (this.ctx.principal?.userId ?? null),
      kind: input.kind,
      action: input.action.slice(0, 200),
      object: input.object ? input.object.slice(0, 300) : null,
      decision: input.decision,
      reason: input.reason,
    };
    const line = { audit: entry };
    if (entry.decision === 'deny') this.logger.warn(line);
    else this.logger.log(line);
    try {
      await this.log.append(entry);
    } catch (error) {
      this.logger.error(`audit store failed: ${(error as Error).message}`);
    }
  }
}
