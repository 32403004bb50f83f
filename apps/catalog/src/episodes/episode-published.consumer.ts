import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { EpisodePublished, type EpisodePublishedPayload } from '@mikasmissions/contracts-events';
import { OnEvent, type EventEnvelope } from '@mikasmissions/messaging';
import { projectPublished } from './episode-projection';
import { EpisodesRepository } from './episodes.repository';
import { EpisodesService } from './episodes.service';

/**
 * Consumes `episode.published` (the media pipeline's publish stage; inbox dedupe per consumer
 * group) and projects it into the catalog through the same upsert as
 * `POST /internal/catalog/episodes`, so cached reads and listings are invalidated.
 */
@Controller()
export class EpisodePublishedConsumer {
  constructor(
    private readonly episodes: EpisodesService,
    private readonly repository: EpisodesRepository,
  ) {}

  @OnEvent(EpisodePublished)
  async onPublished(@Payload() event: EventEnvelope<EpisodePublishedPayload>): Promise<void> {
    const existing = await this.repository.find(event.payload.episodeId);
    await this.episodes.upsert(projectPublished(event, existing));
  }
}
