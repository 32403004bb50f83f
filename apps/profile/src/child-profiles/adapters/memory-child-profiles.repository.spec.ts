import { childProfilesRepositoryContract } from '../child-profiles-repository.contract';
import { MemoryChildProfilesRepository } from './memory-child-profiles.repository';

childProfilesRepositoryContract('memory', () => new MemoryChildProfilesRepository());
