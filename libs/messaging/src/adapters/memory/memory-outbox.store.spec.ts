import { outboxStoreContract } from '../../ports/outbox-store.contract';
import { MemoryOutboxStore } from './memory-outbox.store';

outboxStoreContract('memory', async () => new MemoryOutboxStore());
