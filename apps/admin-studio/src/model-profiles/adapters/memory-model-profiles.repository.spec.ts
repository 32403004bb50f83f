import { modelProfilesRepositoryContract } from '../model-profiles-repository.contract';
import { MemoryModelProfilesRepository } from './memory-model-profiles.repository';

modelProfilesRepositoryContract('memory', () => new MemoryModelProfilesRepository());
