import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayConfig } from './gateway.config';
import { upstreamOf } from './upstreams';

const declared = (file: string) =>
  new Set(
    readFileSync(join(__dirname, '../../../..', file), 'utf8')
      .split('\n')
      .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
      .filter((k): k is string => k !== undefined),
  );

describe('gateway config', () => {
  it.each(['env.dev', 'env.prod'])('%s lists every gateway variable', (file) => {
    const keys = declared(file);
    expect(gatewayConfig.keys.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('defaults every upstream to loopback', () => {
    const env = gatewayConfig.schema.parse({});
    expect(env.IDENTITY_URL).toBe('http://127.0.0.1:8081');
    expect(env.ADMIN_STUDIO_URL).toBe('http://127.0.0.1:8090');
  });

  it.each([
    ['/v1/parents/signup', 'identity'],
    ['/v1/admin/login', 'identity'],
    ['/v1/admin/workflows/w1', 'admin-studio'],
    ['/v1/admin/moderation/queue', 'moderation'],
    ['/v1/admin/moderation/queue/a1/approve', 'moderation'],
    ['/v1/admin/moderation/audit?limit=5', 'moderation'],
    ['/v1/admin/audit', 'admin-studio'],
    ['/v1/children/profiles', 'profile'],
    ['/v1/children/profiles/c1', 'profile'],
    ['/v1/children/profiles/c1/session', 'identity'],
    ['/v1/children/profiles/c1/session?x=1', 'identity'],
    ['/v1/children/profiles/c1/avatar', 'profile'],
    ['/v1/kids/home?mode=core', 'recommendation'],
    ['/v1/kids/progress/c1', 'progress'],
    ['/v1/home/rails', 'recommendation'],
    ['/v1/creator/assets/upload', 'creator-studio'],
    ['/v1/.well-known/jwks.json', 'identity'],
    ['/v2/catalog', undefined],
  ])('routes %s to %s', (path, upstream) => {
    expect(upstreamOf(path)).toBe(upstream);
  });
});
