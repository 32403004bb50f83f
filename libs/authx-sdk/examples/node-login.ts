/**
 * The authx-sdk from a TypeScript script, run the way tools/* are (SWC register, tsconfig paths
 * resolve the package to its source: no build needed):
 *   AUTHX_URL=http://localhost:8080/v1 pnpm exec node -r @swc-node/register libs/authx-sdk/examples/node-login.ts
 */
// An example shows the consumer's import (by package name), not the project-internal relative one.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type AuthTokens, createAuthClient } from '@mikasmissions/authx-sdk';

async function main(): Promise<void> {
  const auth = createAuthClient({ baseUrl: process.env.AUTHX_URL ?? 'http://localhost:8080/v1' });
  const first: AuthTokens = await auth.login({ userId: process.env.AUTHX_USER ?? 'ts-script' });
  const me = await auth.fetchWithAuth('/me');
  const body = (await me.json()) as { userId?: string };
  console.log(`ts me ${me.status} user=${body.userId}`);
  const rotated = await auth.refresh();
  console.log(`ts refresh ${rotated && rotated.refreshToken !== first.refreshToken ? 'ok' : 'failed'}`);
  await auth.logout();
}

main().catch((error: Error) => {
  console.error(`failed: ${error.message}`);
  process.exitCode = 1;
});
