import { join } from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import createNextIntlPlugin from 'next-intl/plugin';
import { assertNoFallbacksInProduction } from './src/config/fallback-guard';
import { STATIC_SECURITY_HEADERS } from './src/security/security-headers';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');
const workspaceRoot = join(__dirname, '../..');

/** next.config: a production build with `NEXT_PUBLIC_USE_API_FALLBACKS=true` fails here. */
export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD) assertNoFallbacksInProduction(process.env.NEXT_PUBLIC_USE_API_FALLBACKS, 'production');
  return withNextIntl({
    reactStrictMode: true,
    poweredByHeader: false,
    outputFileTracingRoot: workspaceRoot,
    turbopack: { root: workspaceRoot },
    async headers() {
      return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }];
    },
  });
}
