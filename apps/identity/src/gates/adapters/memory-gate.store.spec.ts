import { gateStoreContract } from '../gate-store.contract';
import { MemoryGateStore } from './memory-gate.store';

gateStoreContract('memory', () => new MemoryGateStore());
