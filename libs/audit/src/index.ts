export type { AuditEntry, AuditFilter, NewAuditEntry } from './audit-entry';
export { AuditRepository } from './ports/audit.repository';
export { MemoryAuditRepository } from './adapters/memory/memory-audit.repository';
export { PostgresAuditRepository } from './adapters/postgres/postgres-audit.repository';
export { AuditStoreModule } from './audit-store.module';
export { auditRepositoryContract } from './audit-repository.contract';
