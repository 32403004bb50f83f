// eslint-disable-next-line @typescript-eslint/no-require-imports -- tools/dev is CommonJS JavaScript
const { listApps, portVariable } = require('../../../dev/app-inventory') as {
  listApps(root: string): { name: string; port: number | undefined; healthBase: string }[];
  portVariable(name: string): string;
};

/**
 * The ports a served stack pins its apps to, so a second terminal finds them (`GATEWAY_URL`
 * http://localhost:8080): `<APP>_PORT` when exported; else `STACK_PORT_BASE` + the app's place in
 * `apps` when set (a stack beside another one); else the app's default port from its app.module.ts.
 */
export function stackPorts(root: string, apps: readonly string[], env: NodeJS.ProcessEnv): Record<string, number> {
  const defaults = new Map(listApps(root).map((a) => [a.name, a.port]));
  const base = env.STACK_PORT_BASE?.trim() ? Number(env.STACK_PORT_BASE) : undefined;
  if (base !== undefined && !(Number.isInteger(base) && base > 0 && base + apps.length < 65_536))
    throw new Error(`STACK_PORT_BASE must be a port number, got "${env.STACK_PORT_BASE}"`);
  const ports: Record<string, number> = {};
  apps.forEach((app, i) => {
    const own = env[portVariable(app)]?.trim();
    const port = own ? Number(own) : base !== undefined ? base + i : defaults.get(app);
    if (port !== undefined) ports[app] = port;
  });
  return ports;
}

/** An app's health URL under `url` (`/health`, or `/<prefix>/health` for an app with a route prefix, e.g. media-pipeline). */
export function healthUrl(root: string, app: string, url: string): string {
  return `${url}${listApps(root).find((a) => a.name === app)?.healthBase ?? ''}/health`;
}
