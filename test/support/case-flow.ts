import { HttpClient, expectStatus } from './http-client';
import { TestApp } from './test-app';

export async function fresh(client: HttpClient, id: string) {
  const r = await client.get(`/cases/${id}`);
  expectStatus(r, 200);
  return r.body;
}

/** Body accepts, assigns its mediator, mediation starts. */
export async function acceptAndStart(admin: HttpClient, mediator: HttpClient, id: string): Promise<void> {
  expectStatus(await admin.post(`/cases/${id}/accept`, { version: (await fresh(admin, id)).version }), 200);
  const me = (await mediator.get('/auth/me')).body;
  expectStatus(
    await admin.post(`/cases/${id}/assign`, { version: (await fresh(admin, id)).version, mediatorId: me.id }),
    200,
  );
  expectStatus(
    await mediator.post(`/cases/${id}/transitions/start_mediation`, {
      version: (await fresh(mediator, id)).version,
    }),
    200,
  );
}

/** Mediator drafts, every party signs with a fresh code. */
export async function agreeAndSign(
  t: TestApp,
  mediator: HttpClient,
  id: string,
  parties: [HttpClient, string][],
): Promise<void> {
  expectStatus(
    await mediator.post(`/cases/${id}/agreement`, {
      version: (await fresh(mediator, id)).version,
      terms: ['被申请人于 2026 年 12 月 31 日前支付 3000 元。'],
      performanceDueOn: '2026-12-31',
    }),
    200,
  );
  for (const [client, phone] of parties) {
    expectStatus(await client.post(`/cases/${id}/agreement/sign-code`), 202);
    expectStatus(
      await client.post(`/cases/${id}/agreement/sign`, {
        version: (await fresh(client, id)).version,
        code: t.sms.lastCode(phone),
      }),
      200,
    );
  }
}
