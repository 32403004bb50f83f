import { digestRepositoryContract } from '../digest-repository.contract';
import { MemoryDigestRepository } from './memory-digest.repository';

digestRepositoryContract('memory', () => new MemoryDigestRepository());
