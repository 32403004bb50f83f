import { creatorTrustRepositoryContract } from '../creator-trust-repository.contract';
import { MemoryCreatorTrustRepository } from './memory-creator-trust.repository';

creatorTrustRepositoryContract('memory', () => new MemoryCreatorTrustRepository());
