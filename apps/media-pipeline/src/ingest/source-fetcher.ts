import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IngestRejection, IngestTransientError } from './ingest.errors';
import { isForbiddenAddress } from './source-address';

/** Limits of one fetch. */
export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Allow loopback/private/link-local addresses (dev and tests only). */
  allowPrivate: boolean;
}

/** What a fetch stored. */
export interface FetchedSource {
  sizeBytes: number;
  contentType?: string;
}

const MAX_REDIRECTS = 3;

/** A DNS lookup that refuses forbidden addresses, so the address checked is the one connected to (no rebinding window). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const allowed = addresses.filter((a) => allowPrivate || !isForbiddenAddress(a.address));
      if (allowed.length === 0)
        return callback(new IngestRejection('source_forbidden', `${hostname} resolves only to forbidden addresses`), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

function request(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !limits.allowPrivate && isForbiddenAddress(host))
    return Promise.reject(new IngestRejection('source_forbidden', 'the source address is loopback, private or link-local'));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { lookup: guardedLookup(limits.allowPrivate), signal, headers: { accept: 'video/*, */*;q=0.5' } }, resolve);
    req.on('error', reject);
  });
}

const classify = (error: unknown, signal: AbortSignal): Error => {
  if (error instanceof IngestRejection || error instanceof IngestTransientError) return error;
  if (signal.aborted) return new IngestTransientError('fetching the source timed out');
  const code = (error as { code?: string }).code;
  if (code === 'ENOTFOUND') return new IngestRejection('source_unreachable', 'the source host does not resolve');
  return new IngestTransientError(`fetching the source failed (${code ?? 'error'})`);
};

/**
 * Fetches `sourceUrl` into `destination` (through a temporary file, renamed when complete):
 * http(s) only, at most {@link MAX_REDIRECTS} redirects (each checked again), every address
 * checked against {@link isForbiddenAddress} unless `allowPrivate`, at most `maxBytes`, the whole
 * fetch within `timeoutMs`. Permanent refusals throw {@link IngestRejection}; timeouts, 5xx, 408,
 * 429 and connection errors throw {@link IngestTransientError}.
 */
export async function fetchSource(sourceUrl: string, destination: string, limits: FetchLimits): Promise<FetchedSource> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const partial = `${destination}.partial`;
  await mkdir(dirname(destination), { recursive: true });
  try {
    let url = new URL(sourceUrl);
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new IngestRejection('invalid_source_url', 'the source is not http(s)');
      const res = await request(url, limits, signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (hop >= MAX_REDIRECTS) throw new IngestRejection('source_redirects', `more than ${MAX_REDIRECTS} redirects`);
        url = new URL(res.headers.location, url);
        continue;
      }
      if (status === 408 || status === 429 || status >= 500) {
        res.resume();
        throw new IngestTransientError(`the source answered ${status}`);
      }
      if (status !== 200) {
        res.resume();
        throw new IngestRejection('source_unavailable', `the source answered ${status}`);
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        res.destroy();
        throw new IngestRejection('source_too_large', `the source is larger than ${limits.maxBytes} bytes`);
      }
      let size = 0;
      const cap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > limits.maxBytes)
            return done(new IngestRejection('source_too_large', `the source is larger than ${limits.maxBytes} bytes`));
          done(null, chunk);
        },
      });
      await pipeline(res, cap, createWriteStream(partial), { signal });
      if (size === 0) throw new IngestRejection('source_empty', 'the source is empty');
      await rename(partial, destination);
      const contentType = res.headers['content-type'];
      return { sizeBytes: size, ...(contentType ? { contentType } : {}) };
    }
  } catch (error) {
    await rm(partial, { force: true });
    throw classify(error, signal);
  }
}
