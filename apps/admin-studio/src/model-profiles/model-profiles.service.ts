import { Injectable } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import { adminStudioConfig } from '../admin-studio.config';
import { AuditService } from '../audit/audit.service';
import { DEFAULT_MODEL_PROFILE, DEFAULT_MODEL_PROFILE_ID, type ModelProfile, type ModelProfileInput } from './model-profile';
import { ModelProfileNotFoundError } from './model-profiles.errors';
import { ModelProfilesRepository } from './model-profiles.repository';

/** Reads and stores model profiles; `nim-default` exists before anyone stores it (at `NIM_BASE_URL`). */
@Injectable()
export class ModelProfilesService {
  private readonly nimBaseUrl: string;

  constructor(
    private readonly profiles: ModelProfilesRepository,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.nimBaseUrl = config.slice(adminStudioConfig).NIM_BASE_URL.replace(/\/+$/, '');
  }

  /** The profile, or {@link ModelProfileNotFoundError}. */
  async get(id: string): Promise<ModelProfile> {
    const found = await this.profiles.find(id);
    if (found) return found;
    if (id === DEFAULT_MODEL_PROFILE_ID) return { ...DEFAULT_MODEL_PROFILE, base_url: this.nimBaseUrl };
    throw new ModelProfileNotFoundError(id);
  }

  /** Creates or replaces the profile (audited: the profile before and after). */
  put(id: string, input: ModelProfileInput): Promise<ModelProfile> {
    return this.audit.atomically(async () => {
      const before = await this.profiles.find(id);
      const after = await this.profiles.put({ model_profile_id: id, ...input });
      return { result: after, audit: { action: 'model_profile.put', target_type: 'model_profile', target_id: id, before, after } };
    });
  }
}
