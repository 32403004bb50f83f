import { featuresRepositoryContract } from '../features-repository.contract';
import { MemoryFeaturesRepository } from './memory-features.repository';

featuresRepositoryContract('memory', () => new MemoryFeaturesRepository());
