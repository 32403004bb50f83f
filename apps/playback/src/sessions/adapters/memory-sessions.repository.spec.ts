import { sessionsRepositoryContract } from '../sessions-repository.contract';
import { MemorySessionsRepository } from './memory-sessions.repository';

sessionsRepositoryContract('memory', () => new MemorySessionsRepository());
