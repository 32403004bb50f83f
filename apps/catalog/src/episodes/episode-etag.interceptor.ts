import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { map, type Observable } from 'rxjs';

/** The strong entity tag of a JSON body. */
export function etagOf(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
}

/** Whether an `If-None-Match` value names `etag` (weak comparison, lists and `*` included). */
export function matchesEtag(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const tags = (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch).split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag);
}

/**
 * Adds `ETag` to a GET answer (computed from the JSON text, so a cache HIT and a fresh read
 * of the same episode carry the same tag) and answers 304 without a body when the request's
 * `If-None-Match` names it. Sits outside the route's pipeline steps, so it sees their text.
 */
@Injectable()
export class EpisodeEtagInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    const res = http.getResponse<unknown>();
    const adapter = this.adapterHost.httpAdapter;
    return next.handle().pipe(
      map((body: unknown) => {
        if (body === undefined || body === null) return body;
        const etag = etagOf(typeof body === 'string' ? body : JSON.stringify(body));
        adapter.setHeader(res, 'etag', etag);
        if (!matchesEtag(req.headers['if-none-match'], etag)) return body;
        adapter.status(res, 304);
        return undefined;
      }),
    );
  }
}
