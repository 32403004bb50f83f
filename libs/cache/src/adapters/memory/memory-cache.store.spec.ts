import { describeCacheStoreContract } from '../../ports/cache-store.contract';
import { MemoryCacheStore } from './memory-cache.store';

describeCacheStoreContract('memory', () => new MemoryCacheStore());
