import { episodesRepositoryContract } from '../episodes-repository.contract';
import { MemoryEpisodesRepository } from './memory-episodes.repository';

episodesRepositoryContract('memory', () => new MemoryEpisodesRepository());
