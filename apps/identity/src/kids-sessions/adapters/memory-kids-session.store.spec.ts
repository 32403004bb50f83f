import { kidsSessionStoreContract } from '../kids-session-store.contract';
import { MemoryKidsSessionStore } from './memory-kids-session.store';

kidsSessionStoreContract('memory', () => new MemoryKidsSessionStore());
