import { progressRepositoryContract } from '../progress-repository.contract';
import { MemoryProgressRepository } from './memory-progress.repository';

progressRepositoryContract('memory', () => new MemoryProgressRepository());
