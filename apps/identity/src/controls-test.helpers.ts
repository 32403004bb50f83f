import type { INestApplication } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { SessionService } from '@mikasmissions/authx';
import { signIdentity, type EdgeRole } from '@mikasmissions/service-identity';
import { baseUrl, bootApp, closeTestApp, TEST_EDGE_IDENTITY_KEY, testEnv, type TestStores, uniquePrefix } from '@mikasmissions/testing';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import type { AgeBand } from './controls/parental-controls';
import { ParentsRepository } from './parents/parents.repository';

/** A unique id per test (`label-…`). */
export const uid = (label: string): string => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Who a family e2e request comes from: a gateway-signed identity, or an AuthX bearer token. */
export type Caller = { role: EdgeRole; parentUserId?: string; childProfileId?: string; tenantId?: string } | { bearer: string };

/** A parsed JSON answer, typed as loosely as `Response.json()` for assertions. */
export type JsonAnswer = Awaited<ReturnType<Response['json']>>;

/**
 * A fetch against `base` (the app's origin) as `caller`: gateway identity headers signed for the
 * exact method and path (as the gateway does), or `Authorization: Bearer`.
 */
export async function call(
  base: string,
  caller: Caller | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: JsonAnswer; headers: Headers }> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (caller && 'bearer' in caller) headers.authorization = `Bearer ${caller.bearer}`;
  else if (caller)
    Object.assign(
      headers,
      signIdentity(
        { tenantId: 'default', requestId: randomUUID(), ...caller },
        { method, path: path.split('?')[0] },
        TEST_EDGE_IDENTITY_KEY,
      ),
    );
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: JsonAnswer = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/**
 * A stand-in for the profile service's `GET /internal/profiles/{id}` on loopback, so identity's
 * real adapters (`ProfileChildOwnership`, `ProfileChildLookup`) run over HTTP in tests: boot
 * the app with `PROFILE_URL: profile.url`.
 */
export class FakeProfile {
  private constructor(
    private readonly server: Server,
    private readonly children: Map<string, { child_profile_id: string; parent_user_id: string; age_band: AgeBand }>,
    readonly url: string,
  ) {}

  /** Starts the stand-in on an ephemeral port. */
  static async start(): Promise<FakeProfile> {
    const children = new Map<string, { child_profile_id: string; parent_user_id: string; age_band: AgeBand }>();
    const server = createServer((req, res) => {
      const id = /^\/internal\/profiles\/([^/?]+)$/.exec(req.url ?? '')?.[1];
      const child =
        id && req.method === 'GET' && req.headers['x-auth-role'] === 'service' ? children.get(decodeURIComponent(id)) : undefined;
      res.writeHead(child ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(child ?? { error: { code: 'child_profile_not_found', message: 'no such child', requestId: 'fake' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeProfile(server, children, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  /** Makes `childProfileId` a child of `parentUserId`. */
  register(parentUserId: string, childProfileId: string, ageBand: AgeBand = '6-11'): void {
    this.children.set(childProfileId, { child_profile_id: childProfileId, parent_user_id: parentUserId, age_band: ageBand });
  }

  /** Stops the stand-in. */
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Identity booted for a family e2e suite, with the {@link FakeProfile} it asks about children. */
export interface FamilyTestApp {
  app: INestApplication;
  profile: FakeProfile;
  /** The app's origin (no prefix). */
  base: string;
  /** Closes the app (and deletes this file's Redis keys when the stores include Redis), then the stand-in. */
  close(): Promise<void>;
}

/**
 * Boots identity's AppModule on Express with `AUTH_MODE=enforce`, its own AuthX Redis prefix and
 * `PROFILE_URL` pointing at a fresh {@link FakeProfile}; `env` adds or overrides variables.
 *
 * @example
 * beforeAll(async () => ({ app, profile, base } = family = await startFamilyApp(stores)));
 * afterAll(() => family.close());
 */
export async function startFamilyApp(stores: TestStores, env: Record<string, string> = {}): Promise<FamilyTestApp> {
  const profile = await FakeProfile.start();
  const app = await bootApp(AppModule, {
    adapter: 'express',
    env: testEnv(stores, { AUTH_MODE: 'enforce', AUTHX_REDIS_PREFIX: uniquePrefix('authx'), PROFILE_URL: profile.url, ...env }),
    globalPrefix: 'v1',
  });
  return {
    app,
    profile,
    base: await baseUrl(app),
    close: async () => {
      await closeTestApp(app, stores);
      await profile.close();
    },
  };
}

/** A {@link useFamilyApp} suite: the booted app and, per test, a fresh parent with one child the FakeProfile knows. */
export interface FamilySuite {
  app: INestApplication;
  profile: FakeProfile;
  base: string;
  parent: string;
  child: string;
  asParent: Caller;
}

/**
 * Registers a family e2e suite's hooks: identity booted by {@link startFamilyApp} for the
 * suite (closed after it), and before each test a fresh parent with one 6-11 child. Read the
 * fields inside tests and hooks (they are set when those run).
 *
 * @example
 * const t = useFamilyApp(stores);
 * it('reads the defaults', async () => expect((await call(t.base, t.asParent, 'GET', `/v1/parents/controls/${t.child}`)).status).toBe(200));
 */
export function useFamilyApp(stores: TestStores, env: Record<string, string> = {}): FamilySuite {
  const suite = {} as FamilySuite;
  let family: FamilyTestApp;
  beforeAll(async () => {
    family = await startFamilyApp(stores, env);
    Object.assign(suite, { app: family.app, profile: family.profile, base: family.base });
  });
  afterAll(() => family.close());
  beforeEach(() => {
    suite.parent = uid('p');
    suite.child = uid('k');
    suite.asParent = { role: 'parent', parentUserId: suite.parent };
    suite.profile.register(suite.parent, suite.child);
  });
  return suite;
}

/** A parent's AuthX access token with the family claims the parents feature signs. */
export async function parentToken(app: INestApplication, parentUserId: string, tenantId = 'default'): Promise<string> {
  const pair = await app
    .get(SessionService)
    .open({ tenantId, userId: parentUserId, roles: ['parent'] }, { claims: { mm_role: 'parent', parent_user_id: parentUserId } });
  return pair.accessToken;
}

/** Creates the parent account (through the parents feature's repository, memory or Postgres) with `password`, so the PIN re-check accepts it. */
export async function givePassword(app: INestApplication, parentUserId: string, password: string): Promise<void> {
  const email = `${parentUserId}@example.com`;
  await app.get(ParentsRepository).create({
    id: parentUserId,
    tenantId: 'default',
    email,
    emailKey: email,
    passwordHash: await hash(password),
    country: 'DE',
    language: 'de',
    marketing: false,
  });
}

/** The answer of a math gate question (`What is a × b + c?`). */
export function solve(question: string): string {
  const [, a, b, c] = /^What is (\d+) × (\d+) \+ (\d+)\?$/.exec(question) ?? [];
  return String(Number(a) * Number(b) + Number(c));
}
