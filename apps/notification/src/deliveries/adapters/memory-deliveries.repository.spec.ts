import { deliveriesRepositoryContract } from '../deliveries-repository.contract';
import { MemoryDeliveriesRepository } from './memory-deliveries.repository';

deliveriesRepositoryContract('memory', () => new MemoryDeliveriesRepository());
