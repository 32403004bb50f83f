import { describeIdempotencyStoreContract } from '../../ports/idempotency-store.contract';
import { MemoryIdempotencyStore } from './memory-idempotency.store';

describeIdempotencyStoreContract('memory', () => new MemoryIdempotencyStore());
