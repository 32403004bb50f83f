import { subscriptionsRepositoryContract } from '../subscriptions-repository.contract';
import { MemorySubscriptionsRepository } from './memory-subscriptions.repository';

subscriptionsRepositoryContract('memory', () => new MemorySubscriptionsRepository());
