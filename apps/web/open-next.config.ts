import { defineCloudflareConfig } from '@opennextjs/cloudflare';

/** OpenNext's Cloudflare adapter (`build:cloudflare`, `deploy`): defaults, no incremental cache (every page is dynamic). */
export default defineCloudflareConfig();
