import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '@mikasmissions/config';
import { addRequestLogFields, resolveRequestId, withSpan } from '@mikasmissions/context';
import { clientIp } from '@mikasmissions/edge-auth';
import { mapError, toErrorBody } from '@mikasmissions/http';
import { REQUEST_ID, resolveIdentitySettings, signIdentity } from '@mikasmissions/service-identity';
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EdgeAccessService } from './edge-access.service';
import { EdgeRateLimitService } from './edge-rate-limit.service';
import { corsOptions } from './cors-options';
import { clientHeaders, upstreamHeaders, withTraceContext } from './forward-headers';
import { gatewayConfig } from './gateway.config';
import { RouteNotFoundError } from './gateway.errors';
import { routeTimeoutMs } from './route-timeouts';
import { UpstreamClient } from './upstream.client';
import { upstreamOf } from './upstreams';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * `/v1/*` on the Fastify instance, outside Nest's router (a proxy has no controller): route
 * → policy and token → rate limit → signed identity → upstream, in that order, each step
 * throwing a typed error that becomes the one error body. Bodies are passed on as sent.
 */
@Injectable()
export class ProxyRoute implements OnModuleInit {
  private readonly identityKey: string;
  private readonly trustedHops: number;
  private readonly timeoutMs: number;
  private readonly bodyLimit: number;
  private readonly uploadBodyLimit: number;
  private readonly corsOrigins: string[];

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly access: EdgeAccessService,
    private readonly limits: EdgeRateLimitService,
    private readonly upstreams: UpstreamClient,
    config: AppConfig,
  ) {
    const env = config.slice(gatewayConfig);
    this.identityKey = resolveIdentitySettings(config).key;
    this.trustedHops = env.GATEWAY_TRUSTED_HOPS;
    this.timeoutMs = env.GATEWAY_TIMEOUT_MS;
    this.bodyLimit = config.http.bodyLimitBytes;
    this.uploadBodyLimit = env.GATEWAY_UPLOAD_BODY_LIMIT_BYTES;
    this.corsOrigins = env.GATEWAY_CORS_ORIGINS;
  }

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (http?.getType() !== 'fastify')
      throw new Error('the gateway proxies on Fastify: start it with PlatformModule.forRoot({ http: { adapter: "fastify" } })');
    const fastify = http.getInstance<FastifyInstance>();
    void fastify.register(async (scope) => {
      await scope.register(cors, corsOptions(this.corsOrigins));
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      scope.route({
        method: METHODS,
        url: '/v1/*',
        bodyLimit: this.bodyLimit,
        exposeHeadRoute: false,
        handler: (request, reply) => this.handle(request, reply),
      });
      // The creator's direct upload (multipart video) is the one route with a larger body.
      scope.route({
        method: 'POST',
        url: '/v1/creator/assets',
        bodyLimit: this.uploadBodyLimit,
        handler: (request, reply) => this.handle(request, reply),
      });
      scope.route({
        method: METHODS,
        url: '/v1',
        bodyLimit: this.bodyLimit,
        exposeHeadRoute: false,
        handler: (request, reply) => this.handle(request, reply),
      });
    });
  }

  private async handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const requestId = resolveRequestId(request.raw);
    try {
      const url = request.url;
      const method = request.method;
      const upstream = upstreamOf(url);
      const { rule, claims } = await this.access.decide(method, url, request.headers.authorization);
      if (!upstream) throw new RouteNotFoundError(method, url);
      addRequestLogFields(request.raw, { upstream });
      const socketIp = request.raw.socket.remoteAddress ?? '';
      const xff = request.headers['x-forwarded-for'];
      await this.limits.take(
        url,
        claims?.subject ?? `ip:${clientIp(Array.isArray(xff) ? xff.join(',') : xff, socketIp, this.trustedHops)}`,
      );
      const headers = upstreamHeaders(request.headers, socketIp);
      headers[REQUEST_ID] = requestId;
      if (claims) {
        const identity = {
          role: claims.role,
          tenantId: claims.tenantId,
          requestId,
          parentUserId: claims.parentUserId,
          childProfileId: claims.childProfileId,
          subject: claims.subject,
        };
        Object.assign(headers, signIdentity(identity, { method, path: url }, this.identityKey));
      }
      const body = Buffer.isBuffer(request.body) ? request.body : undefined;
      const answer = await withSpan(
        `${method} ${upstream}`,
        { kind: 'client', attributes: { 'http.request.method': method, 'url.path': url.split('?')[0], 'mm.upstream': upstream } },
        () =>
          this.upstreams.forward(upstream, {
            method,
            path: url,
            headers: withTraceContext(headers),
            body,
            timeoutMs: routeTimeoutMs(rule, this.timeoutMs),
          }),
      );
      reply.code(answer.statusCode).headers(clientHeaders(answer.headers));
      reply.header('x-request-id', requestId);
      await reply.send(answer.body);
    } catch (error) {
      const mapped = mapError(error);
      if (mapped.headers) reply.headers(mapped.headers);
      await reply
        .code(mapped.status)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(toErrorBody(mapped, requestId)));
    }
  }
}
