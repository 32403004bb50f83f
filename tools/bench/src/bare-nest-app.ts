import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

/**
 * The baseline of `bench:decorators`: a bare NestJS 11 + Fastify app with one JSON route that
 * returns the same ten-event payload as analytics' bench routes. Listens on BENCH_BARE_PORT
 * (0 = any) on 127.0.0.1 and prints "listening on http://localhost:<port>".
 */
const at = '2026-01-01T10:00:00.000Z';
const data = Array.from({ length: 10 }, (_, i) => ({
  id: `e${i}`,
  tenantId: 'default',
  type: 'play',
  payload: { episode: `ep${i}` },
  occurredAt: at,
  createdAt: at,
}));

@Controller()
class BareController {
  @Get('bare')
  bare(): { data: typeof data; count: number } {
    return { data: data.map((e) => ({ ...e })), count: data.length };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, new FastifyAdapter({ logger: false }), { logger: false });
  await app.listen(Number(process.env.BENCH_BARE_PORT ?? 0), '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`[bare] listening on http://localhost:${address.port}\n`);
}

void main();
