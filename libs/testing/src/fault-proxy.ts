import { createServer, connect, type Server, type Socket } from 'node:net';

/** What a {@link FaultProxy} does with connections. */
export type FaultProxyMode = 'up' | 'down' | 'hang';

/** A TCP proxy in front of a real server (Postgres, Redis) that a test can cut and restore. */
export interface FaultProxy {
  /** The port it listens on (127.0.0.1), the same across cuts. */
  readonly port: number;
  readonly mode: FaultProxyMode;
  /** `url` with its host and port replaced by the proxy's. */
  url(url: string): string;
  /** The server "stops": every open connection is destroyed and new ones are refused (ECONNREFUSED). */
  cut(): Promise<void>;
  /** The server "hangs": open connections are destroyed; new ones are accepted and never answered. */
  hang(): Promise<void>;
  /** Forwards again (new connections only; the ones cut stay gone, as after a restart). */
  restore(): Promise<void>;
  /** Destroys everything and stops listening for good. */
  close(): Promise<void>;
}

/**
 * Test helper: starts a {@link FaultProxy} to `target` on an ephemeral port, forwarding.
 *
 * @example
 * const proxy = await startFaultProxy({ host: '127.0.0.1', port: 5432 });
 * const app = await bootApp(AppModule, { adapter, env: testEnv('postgres', { DATABASE_URL: proxy.url(db.url) }) });
 * await proxy.cut();      // Postgres is "down"
 * await proxy.restore();  // and back
 */
export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  let mode: FaultProxyMode = 'up';
  let server: Server | undefined;
  let port = 0;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const onConnection = (client: Socket) => {
    track(client);
    if (mode !== 'up') return;
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(onConnection);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      if (!s) return resolve();
      s.close(() => resolve());
    });
  const destroyAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  await listen();
  return {
    get port() {
      return port;
    },
    get mode() {
      return mode;
    },
    url(url: string) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    async cut() {
      mode = 'down';
      const closed = stopListening();
      destroyAll();
      await closed;
    },
    async hang() {
      mode = 'hang';
      destroyAll();
      if (!server) await listen();
    },
    async restore() {
      if (mode === 'hang') destroyAll();
      mode = 'up';
      if (!server) await listen();
    },
    async close() {
      mode = 'down';
      const closed = stopListening();
      destroyAll();
      await closed;
    },
  };
}
