import { createPgPool } from '@mikasmissions/persistence';
import { ADAPTERS, testDatabaseUrl, type TestStores } from '@mikasmissions/testing';
import { type CreatorTestApp, FAILING_UPLOADER, startCreatorApp, who } from '../testing/creator-test-app';

const UPLOAD = '/v1/creator/assets/upload';

describe.each(ADAPTERS)('creator assets on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres+redis'])('with %s stores', (stores) => {
    let t: CreatorTestApp;
    const unique = (label: string) =>
      `${label}-${adapter}-${stores.replace('+', '-')}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const full = () => ({
      source_url: 'https://media.example/clips/stars.mp4',
      uploader_id: unique('creator'),
      title: 'Counting stars',
      summary: 'Numbers to ten, under the night sky',
      show_id: 'show-space',
      age_band: '6-11',
      learning_tags: ['math', 'space'],
    });

    beforeAll(async () => {
      t = await startCreatorApp(adapter, stores);
    });
    beforeEach(() => {
      t.published.length = 0;
    });
    afterAll(() => t.close());

    it('queues an upload (202 {asset_id, status: queued}), publishes media.uploaded and shows the asset', async () => {
      const body = full();
      const res = await t.call('POST', UPLOAD, who.creator(body.uploader_id), body);
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ asset_id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'queued' });
      const assetId = res.body.asset_id as string;
      expect(t.published).toEqual([
        {
          episodeId: assetId,
          assetId,
          creatorId: body.uploader_id,
          sourceUrl: body.source_url,
          title: body.title,
          summary: body.summary,
          showId: body.show_id,
          ageBand: '6-11',
          learningTags: ['math', 'space'],
        },
      ]);
      const read = await t.call('GET', `/v1/creator/assets/${assetId}`, who.service());
      expect(read.status).toBe(200);
      expect(read.body).toEqual({
        asset_id: assetId,
        status: 'queued',
        source_url: body.source_url,
        uploader_id: body.uploader_id,
        title: body.title,
        summary: body.summary,
        show_id: body.show_id,
        age_band: '6-11',
        learning_tags: ['math', 'space'],
        last_error: null,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
    });

    it('accepts the minimal upload (only source_url and uploader_id), as service or creator', async () => {
      const uploader = unique('min');
      const res = await t.call('POST', UPLOAD, who.service(), { source_url: 'http://media.example/a.mov', uploader_id: uploader });
      expect(res.status).toBe(202);
      expect(t.published).toEqual([
        {
          episodeId: res.body.asset_id,
          assetId: res.body.asset_id,
          creatorId: uploader,
          sourceUrl: 'http://media.example/a.mov',
          learningTags: [],
        },
      ]);
      const read = await t.call('GET', `/v1/creator/assets/${res.body.asset_id as string}`, who.creator());
      expect(read.body).toMatchObject({ status: 'queued', learning_tags: [], last_error: null });
      expect(read.body).not.toHaveProperty('title');
    });

    it('makes a retried upload with the same Idempotency-Key one asset and one event', async () => {
      const body = full();
      const key = { 'idempotency-key': unique('key') };
      const first = await t.call('POST', UPLOAD, who.creator(body.uploader_id), body, key);
      const again = await t.call('POST', UPLOAD, who.creator(body.uploader_id), body, key);
      expect(first.status).toBe(202);
      expect(again.status).toBe(202);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(t.published).toHaveLength(1);
      const reused = await t.call('POST', UPLOAD, who.creator(body.uploader_id), { ...body, title: 'Another' }, key);
      expect(reused.status).toBe(422);
      expect(reused.body.error?.code).toBe('idempotency_key_reused');
      expect(t.published).toHaveLength(1);
    });

    it('answers 400 missing_fields, invalid_source_url and validation_failed, publishing nothing', async () => {
      const cases: Array<[unknown, string]> = [
        [{ uploader_id: 'c1' }, 'missing_fields'],
        [{ source_url: 'https://media.example/x.mp4' }, 'missing_fields'],
        [{ source_url: '', uploader_id: 'c1' }, 'missing_fields'],
        [{ source_url: 'ftp://media.example/x.mp4', uploader_id: 'c1' }, 'invalid_source_url'],
        [{ source_url: 'file:///etc/passwd', uploader_id: 'c1' }, 'invalid_source_url'],
        [{ source_url: 'javascript:alert(1)', uploader_id: 'c1' }, 'invalid_source_url'],
        [{ source_url: 'not a url', uploader_id: 'c1' }, 'invalid_source_url'],
        [{ source_url: `https://media.example/${'a'.repeat(2100)}`, uploader_id: 'c1' }, 'invalid_source_url'],
        [{ source_url: 7, uploader_id: 'c1' }, 'invalid_source_url'],
        [{ source_url: 'https://media.example/x.mp4', uploader_id: 'c1', extra: true }, 'validation_failed'],
        [{ source_url: 'https://media.example/x.mp4', uploader_id: 'bad id!' }, 'validation_failed'],
        [{ source_url: 'https://media.example/x.mp4', uploader_id: 'c1', age_band: '0-2' }, 'validation_failed'],
        [{ source_url: 'https://media.example/x.mp4', uploader_id: 'c1', title: 'x'.repeat(201) }, 'validation_failed'],
        [{ source_url: 'https://media.example/x.mp4', uploader_id: 'c1', learning_tags: ['ok', ''] }, 'validation_failed'],
        [[1, 2], 'validation_failed'],
      ];
      for (const [body, code] of cases) {
        const res = await t.call('POST', UPLOAD, { ...who.service(), requestId: 'bad-upload' }, body);
        expect({ body, status: res.status, code: res.body.error?.code }).toEqual({ body, status: 400, code });
        expect(res.body.error?.requestId).toBe('bad-upload');
      }
      const missing = await t.call('POST', UPLOAD, who.service(), { title: 'no source' });
      expect(missing.body.error?.details).toEqual({ fields: ['source_url', 'uploader_id'] });
      const creatorMissing = await t.call('POST', UPLOAD, who.creator(), { title: 'no source' });
      expect(creatorMissing.body.error?.details).toEqual({ fields: ['source_url'] });
      const malformed = await t.call('POST', UPLOAD, who.creator(), '{"source_url":', {}, false);
      expect(malformed.status).toBe(400);
      expect(malformed.body.error?.code).toBe('malformed_json');
      expect(t.published).toEqual([]);
    });

    it('binds a creator to its own subject: uploader_id omitted is filled from it, another is 403 uploader_mismatch', async () => {
      const me = unique('self');
      const { uploader_id: _named, ...anonymousBody } = full();
      const omitted = await t.call('POST', UPLOAD, who.creator(me), anonymousBody);
      expect(omitted.status).toBe(202);
      expect(t.published.map((e) => e.creatorId)).toEqual([me]);
      const shown = await t.call('GET', `/v1/creator/assets/${omitted.body.asset_id as string}`, who.creator(me));
      expect(shown.body).toMatchObject({ uploader_id: me });
      const own = await t.call('POST', UPLOAD, who.creator(me), { ...full(), uploader_id: me });
      expect(own.status).toBe(202);

      const other = await t.call(
        'POST',
        UPLOAD,
        { ...who.creator(me), requestId: 'impostor' },
        { ...full(), uploader_id: unique('victim') },
      );
      expect(other.status).toBe(403);
      expect(other.body).toEqual({ error: { code: 'uploader_mismatch', message: expect.any(String), requestId: 'impostor' } });
      const key = { 'idempotency-key': unique('mismatch-key') };
      const retried = await t.call('POST', UPLOAD, who.creator(me), { ...full(), uploader_id: 'someone-else' }, key);
      expect(retried.body.error?.code).toBe('uploader_mismatch');
      expect(t.published.map((e) => e.creatorId)).toEqual([me, me]);

      const named = unique('named-by-service');
      const service = await t.call('POST', UPLOAD, who.service(), { ...full(), uploader_id: named });
      expect(service.status).toBe(202);
      expect(t.published.map((e) => e.creatorId)).toEqual([me, me, named]);
    });

    it('answers 404 asset_not_found for an unknown id, a malformed one and another tenant', async () => {
      const mine = await t.call('POST', UPLOAD, who.service(), full());
      const service = { ...who.service(), requestId: 'missing-1' };
      for (const [id, identity] of [
        ['00000000-0000-4000-8000-000000000000', service],
        ['not-a-uuid', service],
        [mine.body.asset_id as string, { ...service, tenantId: 'other-tenant' }],
      ] as const) {
        const res = await t.call('GET', `/v1/creator/assets/${id}`, identity);
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ error: { code: 'asset_not_found', message: expect.any(String), requestId: 'missing-1' } });
      }
    });

    it('answers 401 missing_identity without an identity and 403 insufficient_role for a parent', async () => {
      const anonymous = await t.call('POST', UPLOAD, null, full());
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error?.code).toBe('missing_identity');
      const parent = await t.call('POST', UPLOAD, who.parent(), full());
      expect(parent.status).toBe(403);
      expect(parent.body.error?.code).toBe('insufficient_role');
      const read = await t.call('GET', '/v1/creator/assets/00000000-0000-4000-8000-000000000000', who.parent());
      expect(read.status).toBe(403);
      expect(t.published).toEqual([]);
    });

    // The memory store has no transactions (dev:local only), so this runs on Postgres.
    (stores === 'memory' ? it.skip : it)(
      'writes the asset and its outbox row in one transaction: a failed publish leaves no asset',
      async () => {
        const failed = await t.call('POST', UPLOAD, who.creator(FAILING_UPLOADER), { ...full(), uploader_id: FAILING_UPLOADER }, {}, true);
        expect(failed.status).toBe(500);
        const ok = await t.call('POST', UPLOAD, who.service(), full());
        expect(ok.status).toBe(202);
        const pool = createPgPool(testDatabaseUrl(), 1);
        try {
          const rows = await pool.query(`SELECT id::text FROM creator_studio.assets WHERE uploader_id = $1`, [FAILING_UPLOADER]);
          expect(rows.rows).toEqual([]);
          const outbox = await pool.query(
            `SELECT payload->'payload'->>'assetId' AS id FROM creator_studio.outbox WHERE payload->>'type' = 'media.uploaded' AND payload->'payload'->>'assetId' = $1`,
            [ok.body.asset_id],
          );
          expect(outbox.rows).toEqual([{ id: ok.body.asset_id }]);
        } finally {
          await pool.end();
        }
      },
    );
  });
});
