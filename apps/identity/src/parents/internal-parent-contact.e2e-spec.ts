import type { INestApplication } from '@nestjs/common';
import { ADAPTERS, baseUrl, bootApp, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { FamilyClient, parentEmail, signupBody, type As } from '../family-test.helpers';

const SERVICE: As = { role: 'service' };

describe.each(ADAPTERS)('GET /internal/parents/{id}/contact on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres'])('with %s stores', (stores) => {
    let app: INestApplication;
    let api: FamilyClient;

    beforeAll(async () => {
      app = await bootApp(AppModule, {
        adapter,
        env: testEnv(stores, { OTP_SENDER: 'capture', AUTH_MODE: 'enforce' }),
        globalPrefix: 'v1',
      });
      api = new FamilyClient(await baseUrl(app));
    });
    afterAll(() => app.close());

    const contact = (id: string, as?: As) => api.call('GET', `/internal/parents/${id}/contact`, { as, internal: true });

    it('answers a service with the e-mail as typed, the signup marketing consent and the language', async () => {
      const email = parentEmail('Contact');
      const yes = await api.call('POST', '/parents/signup', { body: signupBody(` ${email} `, { marketing: true, language: 'en-GB' }) });
      const no = await api.call('POST', '/parents/signup', { body: signupBody(parentEmail('NoMarketing')) });
      expect([yes.status, no.status]).toEqual([201, 201]);
      expect((await contact(yes.body.parent_user_id, SERVICE)).body).toEqual({
        parent_user_id: yes.body.parent_user_id,
        email,
        marketing: true,
        language: 'en-GB',
      });
      expect((await contact(no.body.parent_user_id, SERVICE)).body).toMatchObject({ marketing: false, language: 'de-DE' });
    });

    it('refuses callers that are not a service and answers 404 parent_not_found for an unknown parent', async () => {
      const res = await api.call('POST', '/parents/signup', { body: signupBody(parentEmail('ContactRoles')) });
      const id = res.body.parent_user_id;
      expect((await contact(id)).status).toBe(401);
      expect((await contact(id, { role: 'parent', parentUserId: id })).status).toBe(403);
      const unknown = await contact('no-such-parent', SERVICE);
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'parent_not_found']);
    });
  });
});
