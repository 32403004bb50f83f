import type { INestApplication } from '@nestjs/common';
import type { HttpAdapterName } from '@mikasmissions/http';
import { baseUrl, bootApp, createContractValidator, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { seedDemoCatalog } from '../demo/seed-demo-catalog';
import { EpisodesRepository } from '../episodes/episodes.repository';
import { FakeFamily } from './fake-family';

/** The media base the tests configure: renditions read `${TEST_MEDIA_BASE}/<storage_key>`. */
export const TEST_MEDIA_BASE = 'https://media.test/m';

/** One booted catalog: its `/v1` URL, its root URL (for `/internal`), the fake profile + identity, the contract. */
export interface BootedCatalog {
  app: INestApplication;
  v1: string;
  root: string;
  family: FakeFamily;
  contract: ReturnType<typeof createContractValidator>;
  repository: EpisodesRepository;
  close(): Promise<void>;
}

/**
 * Boots the catalog as production builds it (prefix v1, `/internal` outside it) with the demo
 * episodes (loaded at start in memory mode, seeded like `seed:catalog` in Postgres mode) and a
 * {@link FakeFamily} behind `PROFILE_URL` and `IDENTITY_URL`.
 */
export async function bootCatalog(
  adapter: HttpAdapterName,
  stores: TestStores,
  extra: Record<string, string> = {},
): Promise<BootedCatalog> {
  const family = new FakeFamily();
  const familyUrl = await family.start();
  const env = testEnv(stores, {
    MEDIA_BASE: TEST_MEDIA_BASE,
    PROFILE_URL: familyUrl,
    IDENTITY_URL: familyUrl,
    AUTH_MODE: 'enforce',
    ...extra,
  });
  const app = await bootApp(AppModule, { adapter, env, globalPrefix: 'v1' });
  const repository = app.get(EpisodesRepository);
  await seedDemoCatalog(repository);
  const root = await baseUrl(app);
  return {
    app,
    v1: `${root}/v1`,
    root,
    family,
    repository,
    contract: createContractValidator(),
    async close() {
      await app.close();
      await family.stop();
    },
  };
}
