import { reviewsRepositoryContract } from '../reviews-repository.contract';
import { MemoryReviewsRepository } from './memory-reviews.repository';

reviewsRepositoryContract('memory', () => new MemoryReviewsRepository());
