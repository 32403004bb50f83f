import { auditRepositoryContract } from '../../audit-repository.contract';
import { MemoryAuditRepository } from './memory-audit.repository';

auditRepositoryContract('memory', () => new MemoryAuditRepository());
