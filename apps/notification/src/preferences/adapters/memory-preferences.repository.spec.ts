import { preferencesRepositoryContract } from '../preferences-repository.contract';
import { MemoryPreferencesRepository } from './memory-preferences.repository';

preferencesRepositoryContract('memory', () => new MemoryPreferencesRepository());
