import { Injectable } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import { ProfileChildOwnership, ServiceClient } from '@mikasmissions/service-client';
import { type ChildOwnership, MemoryChildOwnership } from '@mikasmissions/service-identity';
import { progressConfig } from '../progress.config';

/**
 * Parent scoping's {@link ChildOwnership} for progress: the profile service
 * ({@link ProfileChildOwnership}) with `PROGRESS_UPSTREAMS=http`, the in-process
 * {@link MemoryChildOwnership} (`.memory.grant(...)`) with `memory`.
 */
@Injectable()
export class ConfiguredChildOwnership implements ChildOwnership {
  /** The in-process owner map used with `PROGRESS_UPSTREAMS=memory`. */
  readonly memory = new MemoryChildOwnership();
  private readonly delegate: ChildOwnership;

  constructor(config: AppConfig, client: ServiceClient) {
    this.delegate = config.slice(progressConfig).PROGRESS_UPSTREAMS === 'memory' ? this.memory : new ProfileChildOwnership(client);
  }

  owns(parentUserId: string, childProfileId: string): Promise<boolean> {
    return this.delegate.owns(parentUserId, childProfileId);
  }
}
