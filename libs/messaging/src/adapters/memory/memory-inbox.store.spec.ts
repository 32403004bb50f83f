import { inboxStoreContract } from '../../ports/inbox-store.contract';
import { MemoryInboxStore } from './memory-inbox.store';

inboxStoreContract('memory', async () => new MemoryInboxStore());
