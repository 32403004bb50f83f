import { auditLogContract } from '../../ports/audit-log.contract';
import { otpStoreContract } from '../../ports/otp-store.contract';
import { roleAssignmentStoreContract } from '../../ports/role-assignment-store.contract';
import { relationTupleStoreContract } from '../../ports/relation-tuple-store.contract';
import { sessionStoreContract } from '../../ports/session-store.contract';
import { totpStoreContract } from '../../ports/totp-store.contract';
import { MemoryAuditLog } from './memory-audit.log';
import { MemoryOtpStore } from './memory-otp.store';
import { MemoryRelationTupleStore } from './memory-relation-tuple.store';
import { MemoryRoleAssignmentStore } from './memory-role-assignment.store';
import { MemorySessionStore } from './memory-session.store';
import { MemoryTotpStore } from './memory-totp.store';

sessionStoreContract('memory', () => new MemorySessionStore());
relationTupleStoreContract('memory', () => new MemoryRelationTupleStore());
otpStoreContract('memory', () => new MemoryOtpStore());
totpStoreContract('memory', () => new MemoryTotpStore());
auditLogContract('memory', () => new MemoryAuditLog());
roleAssignmentStoreContract('memory', () => new MemoryRoleAssignmentStore());
