import { controlsRepositoryContract } from '../controls-repository.contract';
import { MemoryControlsRepository } from './memory-controls.repository';

controlsRepositoryContract('memory', () => new MemoryControlsRepository());
