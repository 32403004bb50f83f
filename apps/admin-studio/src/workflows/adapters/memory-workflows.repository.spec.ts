import { workflowsRepositoryContract } from '../workflows-repository.contract';
import { MemoryWorkflowsRepository } from './memory-workflows.repository';

workflowsRepositoryContract('memory', () => new MemoryWorkflowsRepository());
