import { eventsRepositoryContract } from '../events-repository.contract';
import { MemoryEventsRepository } from './memory-events.repository';

eventsRepositoryContract('memory', () => new MemoryEventsRepository());
