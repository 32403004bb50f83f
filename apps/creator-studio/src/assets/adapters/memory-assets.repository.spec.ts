import { assetsRepositoryContract } from '../assets-repository.contract';
import { MemoryAssetsRepository } from './memory-assets.repository';

assetsRepositoryContract('memory', () => new MemoryAssetsRepository());
