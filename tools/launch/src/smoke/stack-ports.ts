import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An app's `http: { port, prefix }` from `PlatformModule.forRoot` in its app.module.ts (what tools/dev/app-inventory.js reads). */
function httpOf(root: string, app: string): { port?: number; prefix: string } {
  const file = join(root, 'apps', app, 'src/app.module.ts');
  const http = (existsSync(file) ? readFileSync(file, 'utf8') : '').match(/http:\s*\{([^}]*)\}/)?.[1] ?? '';
  const port = Number(http.match(/port:\s*(\d+)/)?.[1]);
  return { port: Number.isInteger(port) ? port : undefined, prefix: http.match(/prefix:\s*'([^']*)'/)?.[1] ?? '' };
}

const portVariable = (app: string) => `${app.toUpperCase().replace(/-/g, '_')}_PORT`;

/**
 * The ports a served stack pins its apps to, so a second terminal finds them (`GATEWAY_URL`
 * http://localhost:8080): `<APP>_PORT` when exported; else `STACK_PORT_BASE` + the app's place in
 * `apps` when set (a stack beside another one); else the app's default port from its app.module.ts.
 */
export function stackPorts(root: string, apps: readonly string[], env: NodeJS.ProcessEnv): Record<string, number> {
  const base = env.STACK_PORT_BASE?.trim() ? Number(env.STACK_PORT_BASE) : undefined;
  if (base !== undefined && !(Number.isInteger(base) && base > 0 && base + apps.length < 65_536))
    throw new Error(`STACK_PORT_BASE must be a port number, got "${env.STACK_PORT_BASE}"`);
  const ports: Record<string, number> = {};
  apps.forEach((app, i) => {
    const own = env[portVariable(app)]?.trim();
    const port = own ? Number(own) : base !== undefined ? base + i : httpOf(root, app).port;
    if (port !== undefined) ports[app] = port;
  });
  return ports;
}

/** An app's health URL under `url` (`/health`, or `/<prefix>/health` for an app with a route prefix, e.g. media-pipeline). */
export function healthUrl(root: string, app: string, url: string): string {
  const { prefix } = httpOf(root, app);
  return `${url}${prefix ? `/${prefix}` : ''}/health`;
}
