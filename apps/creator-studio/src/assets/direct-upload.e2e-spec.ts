import { createPgPool } from '@mikasmissions/persistence';
import { ADAPTERS, testDatabaseUrl, type TestStores } from '@mikasmissions/testing';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CreatorTestApp, FAILING_UPLOADER, startCreatorApp, who } from '../testing/creator-test-app';

const DIRECT = '/v1/creator/assets';
const MAX_BYTES = 64 * 1024;

/** An ISO BMFF header (what `ftyp` sniffing sees) padded to `size` bytes; creator-studio does not probe further. */
const mp4Bytes = (size = 4096, seed = 1): Buffer => {
  const bytes = Buffer.alloc(size, seed);
  Buffer.from('\0\0\0\x18ftypisom\0\0\x02\0isomiso2', 'latin1').copy(bytes);
  return bytes;
};

const form = (fields: Record<string, string | string[]>, file?: { bytes: Buffer; type: string; name?: string }): FormData => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  if (file) data.append(file.name ?? 'file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), 'clip.mp4');
  return data;
};

describe.each(ADAPTERS)('direct upload on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres+redis'])('with %s stores', (stores) => {
    let t: CreatorTestApp;
    let store: string;
    const unique = (label: string) => `${label}-${adapter}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const leftovers = async () => ({
      incoming: await readdir(join(store, 'incoming')).catch(() => []),
      sources: await readdir(join(store, 'sources')).catch(() => []),
    });

    beforeAll(async () => {
      store = await mkdtemp(join(tmpdir(), 'creator-store-'));
      t = await startCreatorApp(adapter, stores, { MEDIA_STORE_DIR: store, CREATOR_UPLOAD_MAX_BYTES: String(MAX_BYTES) });
    });
    beforeEach(() => {
      t.published.length = 0;
    });
    afterAll(async () => {
      await t.close();
      await rm(store, { recursive: true, force: true });
    });

    it('stores the file under sources/<asset>/source and queues it with a media-store reference', async () => {
      const bytes = mp4Bytes();
      const uploader = unique('creator');
      const fields = { uploader_id: uploader, title: 'Counting stars', age_band: '6-11', learning_tags: ['math', 'space'] };
      const res = await t.call('POST', DIRECT, who.creator(uploader), form(fields, { bytes, type: 'video/mp4' }));
      expect(res.status).toBe(202);
      const assetId = res.body.asset_id as string;
      expect(res.body).toEqual({ asset_id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'queued' });
      expect(await readFile(join(store, 'sources', assetId, 'source'))).toEqual(bytes);
      const sourceUrl = `media-store:sources/${assetId}/source`;
      expect(t.published).toEqual([
        {
          episodeId: assetId,
          assetId,
          creatorId: uploader,
          sourceUrl,
          contentType: 'video/mp4',
          title: 'Counting stars',
          ageBand: '6-11',
          learningTags: ['math', 'space'],
        },
      ]);
      const read = await t.call('GET', `${DIRECT}/${assetId}`, who.creator());
      expect(read.body).toMatchObject({ asset_id: assetId, status: 'queued', source_url: sourceUrl, uploader_id: uploader });
      expect((await leftovers()).incoming).toEqual([]);
    });

    it('refuses a file over CREATOR_UPLOAD_MAX_BYTES with 413 payload_too_large and keeps nothing', async () => {
      const before = await leftovers();
      const res = await t.call(
        'POST',
        DIRECT,
        who.creator(),
        form({ uploader_id: unique('big') }, { bytes: mp4Bytes(MAX_BYTES + 1), type: 'video/mp4' }),
      );
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({ code: 'payload_too_large', details: { max_bytes: MAX_BYTES } });
      expect(t.published).toEqual([]);
      expect(await leftovers()).toEqual(before);
    });

    it('refuses what is not a video with 415 unsupported_media_type: a declared type, sniffed bytes, a JSON body', async () => {
      const before = await leftovers();
      const text = await t.call('POST', DIRECT, who.creator(), form({ uploader_id: 'c1' }, { bytes: mp4Bytes(), type: 'text/plain' }));
      const disguised = await t.call(
        'POST',
        DIRECT,
        who.creator(),
        form({ uploader_id: 'c1' }, { bytes: Buffer.from('hello, not a video'.repeat(40)), type: 'video/mp4' }),
      );
      const json = await t.call('POST', DIRECT, who.creator(), { uploader_id: 'c1' });
      for (const res of [text, disguised, json]) {
        expect(res.status).toBe(415);
        expect(res.body.error?.code).toBe('unsupported_media_type');
      }
      expect(disguised.body.error?.message).toMatch(/not a video container/);
      expect(t.published).toEqual([]);
      expect(await leftovers()).toEqual(before);
    });

    it('checks the fields like the URL upload: missing_file, missing_fields, validation_failed', async () => {
      const noFile = await t.call('POST', DIRECT, who.creator(), form({ uploader_id: 'c1' }));
      expect(noFile.status).toBe(400);
      expect(noFile.body.error?.code).toBe('missing_file');
      const noUploader = await t.call('POST', DIRECT, who.service(), form({ title: 'x' }, { bytes: mp4Bytes(), type: 'video/mp4' }));
      expect(noUploader.body.error).toMatchObject({ code: 'missing_fields', details: { fields: ['uploader_id'] } });
      const bad = await t.call(
        'POST',
        DIRECT,
        who.creator(),
        form({ uploader_id: 'c1', source_url: 'https://x.example/a.mp4', age_band: '1-2' }, { bytes: mp4Bytes(), type: 'video/mp4' }),
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error?.code).toBe('validation_failed');
      const twoFiles = form({ uploader_id: 'c1' }, { bytes: mp4Bytes(), type: 'video/mp4' });
      twoFiles.append('other', new Blob([new Uint8Array(mp4Bytes())], { type: 'video/mp4' }), 'b.mp4');
      expect((await t.call('POST', DIRECT, who.creator(), twoFiles)).body.error?.code).toBe('malformed_multipart');
      expect(t.published).toEqual([]);
      expect((await leftovers()).incoming).toEqual([]);
    });

    it('binds a creator to its subject: uploader_id omitted is filled, another is 403 uploader_mismatch and keeps no file', async () => {
      const me = unique('self');
      const omitted = await t.call('POST', DIRECT, who.creator(me), form({ title: 'Mine' }, { bytes: mp4Bytes(), type: 'video/mp4' }));
      expect(omitted.status).toBe(202);
      expect(t.published.map((e) => e.creatorId)).toEqual([me]);
      const before = await leftovers();
      const other = await t.call(
        'POST',
        DIRECT,
        who.creator(me),
        form({ uploader_id: unique('victim') }, { bytes: mp4Bytes(), type: 'video/mp4' }),
      );
      expect([other.status, other.body.error?.code]).toEqual([403, 'uploader_mismatch']);
      expect(await leftovers()).toEqual(before);
      const named = unique('named');
      const service = await t.call('POST', DIRECT, who.service(), form({ uploader_id: named }, { bytes: mp4Bytes(), type: 'video/mp4' }));
      expect(service.status).toBe(202);
      expect(t.published.map((e) => e.creatorId)).toEqual([me, named]);
    });

    it('@Idempotency: the same key and file is one asset; the same key with another file is 422', async () => {
      const key = unique('key');
      const fields = { uploader_id: unique('idem') };
      const first = await t.call(
        'POST',
        DIRECT,
        who.creator(fields.uploader_id),
        form(fields, { bytes: mp4Bytes(4096, 7), type: 'video/mp4' }),
        {
          'idempotency-key': key,
        },
      );
      const again = await t.call(
        'POST',
        DIRECT,
        who.creator(fields.uploader_id),
        form(fields, { bytes: mp4Bytes(4096, 7), type: 'video/mp4' }),
        {
          'idempotency-key': key,
        },
      );
      expect(again.status).toBe(202);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body.asset_id).toBe(first.body.asset_id);
      const other = await t.call(
        'POST',
        DIRECT,
        who.creator(fields.uploader_id),
        form(fields, { bytes: mp4Bytes(4096, 8), type: 'video/mp4' }),
        {
          'idempotency-key': key,
        },
      );
      expect(other.status).toBe(422);
      expect(other.body.error?.code).toBe('idempotency_key_reused');
      expect(t.published).toHaveLength(1);
      expect((await leftovers()).incoming).toEqual([]);
    });

    it('answers 401 without identity and 403 to a parent, before storing a byte', async () => {
      const before = await leftovers();
      const anonymous = await t.call('POST', DIRECT, null, form({ uploader_id: 'c1' }, { bytes: mp4Bytes(), type: 'video/mp4' }));
      expect(anonymous.status).toBe(401);
      const parent = await t.call('POST', DIRECT, who.parent(), form({ uploader_id: 'c1' }, { bytes: mp4Bytes(), type: 'video/mp4' }));
      expect(parent.status).toBe(403);
      expect(parent.body.error?.code).toBe('insufficient_role');
      expect(await leftovers()).toEqual(before);
    });

    it('keeps the JSON URL route JSON-only: multipart there is still 415', async () => {
      const res = await t.call(
        'POST',
        '/v1/creator/assets/upload',
        who.creator(),
        form({ uploader_id: 'c1' }, { bytes: mp4Bytes(), type: 'video/mp4' }),
      );
      expect(res.status).toBe(415);
    });

    if (stores === 'postgres+redis')
      it('a failed media.uploaded publish leaves neither the asset row nor the stored file', async () => {
        const before = await leftovers();
        const res = await t.call(
          'POST',
          DIRECT,
          who.creator(FAILING_UPLOADER),
          form({ uploader_id: FAILING_UPLOADER }, { bytes: mp4Bytes(), type: 'video/mp4' }),
          {},
          true,
        );
        expect(res.status).toBe(500);
        expect(await leftovers()).toEqual(before);
        const pool = createPgPool(testDatabaseUrl(), 1);
        try {
          const rows = await pool.query(`SELECT count(*)::int AS n FROM creator_studio.assets WHERE uploader_id = $1`, [FAILING_UPLOADER]);
          expect(rows.rows[0].n).toBe(0);
        } finally {
          await pool.end();
        }
      });
  });
});
