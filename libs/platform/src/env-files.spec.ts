import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authxConfig } from '@mikasmissions/authx';
import { cacheConfig } from '@mikasmissions/cache';
import { CORE_CONFIG_KEYS } from '@mikasmissions/config';
import { idempotencyConfig } from '@mikasmissions/idempotency';
import { messagingConfig } from '@mikasmissions/messaging';
import { serviceClientConfig } from '@mikasmissions/service-client';
import { serviceIdentityConfig } from '@mikasmissions/service-identity';

const ROOT = join(__dirname, '../../..');
const declared = (file: string) =>
  new Set(
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
      .filter((k): k is string => k !== undefined),
  );

/** env.dev and env.prod promise "every variable the platform reads": hold them to it. */
describe.each(['env.dev', 'env.prod'])('%s', (file) => {
  const keys = declared(file);
  it.each([
    ['core (libs/config)', [...CORE_CONFIG_KEYS]],
    ['authx', [...authxConfig.keys]],
    ['messaging', [...messagingConfig.keys]],
    ['cache', [...cacheConfig.keys]],
    ['idempotency', [...idempotencyConfig.keys]],
    ['service-identity', [...serviceIdentityConfig.keys]],
    ['service-client', [...serviceClientConfig.keys]],
  ])('lists every %s variable', (_name, wanted) => {
    expect(wanted.filter((k) => !keys.has(k))).toEqual([]);
  });
});
