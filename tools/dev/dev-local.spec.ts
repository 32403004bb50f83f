import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** PIDs of live processes whose environment carries `marker` (the run's children and grandchildren). */
function processesWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function runDevLocal(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'tools/dev/dev-local.js'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('dev:local start-up output', () => {
  it('hides Nest module/route INFO lines by default and prints the summary after the start-up lines', async () => {
    const child = spawn(process.execPath, [path.join(root, 'tools/dev/dev-local.js'), 'analytics'], {
      cwd: root,
      env: { ...process.env, DEV_LOCAL_EVENTS: 'inprocess', ANALYTICS_PORT: '0', DEV_VERBOSE: '', LOG_LEVEL: '' },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (!out.includes('all apps are up')) return;
        clearInterval(poll);
        setTimeout(resolve, 1_500); // anything logged after the summary would show up here
      }, 100);
    });
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
    // eslint-disable-next-line no-control-regex -- strip the colour codes of the prefixes
    const lines = out.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
    expect(lines.filter((l) => /"context":"(RouterExplorer|InstanceLoader|RoutesResolver)"/.test(l))).toEqual([]);
    expect(out).toMatch(/\d+ Nest start-up line\(s\) hidden/);
    const summary = lines.findIndex((l) => l.startsWith('dev:local: all apps are up'));
    const appLinesAfter = lines.slice(summary).filter((l) => l.startsWith('analytics │') && !l.includes('draining in-flight'));
    expect(appLinesAfter).toEqual([]);
  }, 60_000);
});

describe('dev:local start-up failures', () => {
  let occupied: Server;
  let port: number;
  beforeAll(async () => {
    occupied = createServer();
    await new Promise<void>((r) => occupied.listen(0, r));
    port = (occupied.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => occupied.close(() => r())));

  it('refuses an unknown app name, listing the known ones', async () => {
    const run = await runDevLocal(['analytics', 'analytcs'], { DEV_LOCAL_EVENTS: 'inprocess' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no app named analytcs in apps\/; known: .*analytics/);
  });

  it('a port in use: names the port variable, stops every app it started, exits 1, prints no success after it', async () => {
    const marker = `DEV_LOCAL_SPEC_${process.pid}_${Date.now()}`;
    const run = await runDevLocal(['analytics', 'identity'], {
      DEV_LOCAL_EVENTS: 'inprocess',
      ANALYTICS_PORT: String(port),
      IDENTITY_PORT: '0',
      [marker]: '1',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`port ${port} is already in use`);
    expect(run.stderr).toContain('ANALYTICS_PORT=');
    const all = run.stdout + run.stderr;
    const failedAt = all.indexOf('could not start');
    expect(failedAt).toBeGreaterThan(-1);
    expect(all).not.toContain('all apps are up');
    expect(run.stderr.slice(run.stderr.indexOf('could not start'))).not.toMatch(/successfully started|listening on/);
    expect(processesWith(marker)).toEqual([]);
  }, 60_000);
});
