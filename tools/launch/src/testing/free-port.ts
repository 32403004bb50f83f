import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released): a URL there has nothing listening. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
