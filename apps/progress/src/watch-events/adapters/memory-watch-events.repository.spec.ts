import { watchEventsRepositoryContract } from '../watch-events-repository.contract';
import { MemoryWatchEventsRepository } from './memory-watch-events.repository';

watchEventsRepositoryContract('memory', () => new MemoryWatchEventsRepository());
