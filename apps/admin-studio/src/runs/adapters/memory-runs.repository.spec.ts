import { runsRepositoryContract } from '../runs-repository.contract';
import { MemoryRunsRepository } from './memory-runs.repository';

runsRepositoryContract('memory', () => new MemoryRunsRepository());
