import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { assertEpisodeId } from '../episodes/episode-id';
import { EpisodeNotAllowedError } from '../episodes/episodes.errors';
import { EpisodesService } from '../episodes/episodes.service';
import { denialOf } from './child-policy';
import { ChildPolicySource } from './child-policy.source';

/**
 * Before an episode read (and before its cached answer): a malformed `{id}` is 400
 * `validation_failed`; for a child principal, an unknown or unpublished episode is 404
 * `episode_not_found` and one its policy excludes is 403 `episode_not_allowed`
 * (`details.reason`). Parents and services pass to the (shared, cached) answer. Running as a
 * guard keeps the check in front of `@Cache`: a cache HIT never skips it.
 */
@Injectable()
export class EpisodeReadGuard implements CanActivate {
  constructor(
    private readonly episodes: EpisodesService,
    private readonly policies: ChildPolicySource,
    private readonly ctx: RequestContext,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const id = context.switchToHttp().getRequest<{ params: Record<string, string> }>().params.id;
    assertEpisodeId(id);
    const principal = this.ctx.principal;
    if (principal?.role !== 'child') return true;
    const episode = await this.episodes.getPublished(id);
    const denial = denialOf(principal.childProfileId ? await this.policies.policyOf(principal.childProfileId) : null, episode);
    if (denial) throw new EpisodeNotAllowedError(denial);
    return true;
  }
}
