import { otpStoreContract } from '../../ports/otp-store.contract';
import { relationTupleStoreContract } from '../../ports/relation-tuple-store.contract';
import { sessionStoreContract } from '../../ports/session-store.contract';
import { MemoryOtpStore } from './memory-otp.store';
import { MemoryRelationTupleStore } from './memory-relation-tuple.store';
import { MemorySessionStore } from './memory-session.store';

sessionStoreContract('memory', () => new MemorySessionStore());
relationTupleStoreContract('memory', () => new MemoryRelationTupleStore());
otpStoreContract('memory', () => new MemoryOtpStore());
