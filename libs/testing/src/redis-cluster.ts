import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';

/** A 3-master Redis Cluster on loopback, started by {@link startRedisCluster}. */
export interface RedisClusterHandle {
  /** `127.0.0.1:<port>` of each master: the value of `REDIS_CLUSTER_NODES` (joined by commas). */
  nodes: string[];
  /** A connected ioredis `Cluster` client on the nodes (closed by `stop()`). */
  client(): Promise<Cluster>;
  /** Stops the nodes this helper started (SIGTERM, SIGKILL after 3 s) and removes their files. */
  stop(): Promise<void>;
}

/** Port sets the helper may use (the cluster bus is each port + 10 000); one test file holds one set at a time. */
const PORT_SETS = [
  [7101, 7102, 7103],
  [7104, 7105, 7106],
];

/**
 * Why this machine cannot run a Redis Cluster (no `redis-server`/`redis-cli`, or a build
 * without cluster support), or `null` when it can. Specs use it to skip with that reason.
 */
export function redisClusterUnsupported(): string | null {
  const server = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (server.error || server.status !== 0) return 'redis-server is not installed';
  const major = Number(/v=(\d+)/.exec(server.stdout)?.[1] ?? 0);
  if (major < 3) return `redis-server ${server.stdout.trim()} has no cluster support`;
  const cli = spawnSync('redis-cli', ['--version'], { encoding: 'utf8' });
  if (cli.error || cli.status !== 0) return 'redis-cli is not installed';
  return null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Takes the lock file of a port set (`O_EXCL`); a lock whose process is gone is taken over. */
function tryLock(ports: number[]): string | null {
  const file = join(tmpdir(), `mm-redis-cluster-${ports[0]}.lock`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return file;
    } catch {
      const holder = Number(readFileSync(file, 'utf8') || 0);
      if (holder && alive(holder)) return null;
      rmSync(file, { force: true });
    }
  }
  return null;
}

async function lockPortSet(timeoutMs: number): Promise<{ ports: number[]; lock: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const ports of PORT_SETS) {
      const lock = tryLock(ports);
      if (lock) return { ports, lock };
    }
    await sleep(250);
  }
  throw new Error(`no free Redis Cluster port set (${PORT_SETS.map((s) => s.join('/')).join(', ')}) within ${timeoutMs} ms`);
}

function cli(args: string[]): string {
  const result = spawnSync('redis-cli', args, { encoding: 'utf8', timeout: 20_000 });
  if (result.status !== 0) throw new Error(`redis-cli ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Redis Cluster: ${what} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

async function stopProcesses(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
          child.once('exit', () => (clearTimeout(kill), resolve()));
          child.kill('SIGTERM');
        }),
    ),
  );
}

/**
 * Starts a fresh 3-master Redis Cluster on loopback (ports 7101–7103, or 7104–7106 while
 * another test file holds the first set; no persistence, files in a temp dir), joins it with
 * `redis-cli --cluster create … --cluster-replicas 0` and waits for `cluster_state:ok` on
 * every node. `stop()` ends only the processes it started.
 *
 * @example
 * const cluster = await startRedisCluster();
 * const env = { REDIS_CLUSTER_NODES: cluster.nodes.join(',') };
 * afterAll(() => cluster.stop());
 */
export async function startRedisCluster(options: { lockTimeoutMs?: number } = {}): Promise<RedisClusterHandle> {
  const { ports, lock } = await lockPortSet(options.lockTimeoutMs ?? 120_000);
  const dir = mkdtempSync(join(tmpdir(), 'mm-redis-cluster-'));
  const children: ChildProcess[] = [];
  const clients: Cluster[] = [];
  const stop = async () => {
    await Promise.allSettled(clients.map((c) => c.quit()));
    await stopProcesses(children);
    rmSync(dir, { recursive: true, force: true });
    try {
      unlinkSync(lock);
    } catch {
      // already gone
    }
  };
  try {
    for (const port of ports) {
      const args = [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(dir, `nodes-${port}.conf`),
        '--cluster-node-timeout',
        '5000',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--protected-mode',
        'no',
      ];
      const child = spawn('redis-server', args, { stdio: 'ignore' });
      children.push(child);
    }
    const ping = (port: number) => spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG';
    await waitFor('nodes did not answer PING', () => ports.every(ping), 10_000);
    const nodes = ports.map((p) => `127.0.0.1:${p}`);
    cli(['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes']);
    const ok = (port: number) => cli(['-p', String(port), 'cluster', 'info']).includes('cluster_state:ok');
    await waitFor('cluster_state did not become ok', () => ports.every(ok), 20_000);
    return {
      nodes,
      client: async () => {
        const client = new Cluster(
          ports.map((port) => ({ host: '127.0.0.1', port })),
          { lazyConnect: true },
        );
        clients.push(client);
        await client.connect();
        return client;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
