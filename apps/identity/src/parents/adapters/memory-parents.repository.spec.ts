import { consentRepositoryContract } from '../consent-repository.contract';
import { parentsRepositoryContract } from '../parents-repository.contract';
import { MemoryConsentRepository } from './memory-consent.repository';
import { MemoryParentsRepository } from './memory-parents.repository';

parentsRepositoryContract('memory', () => new MemoryParentsRepository());
consentRepositoryContract('memory', () => new MemoryConsentRepository());
