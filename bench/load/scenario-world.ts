import { call, inBatches, must } from './load-http';
import { startProcess } from './support';

/** The load scenario's world: parties with accounts, their cases accepted and in mediation, a room each. */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const phone = (prefix: string, i: number) => `${prefix}${String(i).padStart(7, '0')}`;
export const application = (i: number, n: number) => ({
  category: 'neighbour',
  description: `负载测试：楼上漏水导致天花板受损，协商未果（${i}-${n}）。`,
  streetCode: 'JS',
  applicant: { name: `申请人${i}` },
  respondents: [{ name: `被申请人${i}-${n}`, phone: phone('1368', (i * 100_000 + n) % 10_000_000) }],
});

export interface RoomSetup {
  roomId: string;
  applicant: string;
  respondent: string;
}

export async function setup(
  dbUrl: string,
  roomCount: number,
): Promise<{
  rooms: RoomSetup[];
  mediator: string;
  bodyAdmin: string;
  district: string;
  applicants: string[];
}> {
  const api = await startProcess('api', dbUrl, { LOG_LEVEL: 'info' }, true);
  try {
    const partyToken = async (p: string) => {
      must(await call(api.url, 'POST', '/auth/otp', undefined, { phone: p }), 202, `otp ${p}`);
      const re = new RegExp(`SMS to ${p}: [^"\\n]*?(\\d{6})`);
      let code: string | undefined;
      for (let i = 0; i < 100 && !code; i++) {
        code = re.exec(api.log.join(''))?.[1];
        if (!code) await sleep(20);
      }
      return must(
        await call(api.url, 'POST', '/auth/party/sign-in', undefined, { phone: p, code }),
        200,
        `sign-in ${p}`,
      ).body.accessToken as string;
    };
    const staff = async (u: string) =>
      must(
        await call(api.url, 'POST', '/auth/staff/sign-in', undefined, {
          username: u,
          password: 'Tiaojie2026',
        }),
        200,
        u,
      ).body.accessToken as string;
    const district = await staff('admin');
    const bodyAdmin = await staff('js_admin');
    const mediator = await staff('js_mediator');
    const mediatorId = must(await call(api.url, 'GET', '/auth/me', mediator), 200, 'me').body.id;
    const bodies = must(await call(api.url, 'GET', '/registry/bodies', district), 200, 'bodies')
      .body as any[];
    const bodyA = bodies.find((b) => b.code === 'PMC-JS').id;
    must(
      await call(api.url, 'PATCH', `/registry/bodies/${bodyA}`, district, { capacity: 100_000 }),
      200,
      'capacity',
    );
    const rooms: RoomSetup[] = new Array(roomCount);
    const applicants: string[] = new Array(roomCount);
    await inBatches([...Array(roomCount).keys()], 10, async (i) => {
      const applicant = await partyToken(phone('1367', i));
      applicants[i] = applicant;
      const applied = must(
        await call(api.url, 'POST', '/cases', applicant, {
          ...application(i, 0),
          respondents: [{ name: `被申请人${i}`, phone: phone('1366', i) }],
        }),
        201,
        'apply',
      );
      const id = applied.body.id;
      const version = async (t: string) =>
        must(await call(api.url, 'GET', `/cases/${id}`, t), 200, 'read').body.version;
      if (applied.body.status !== 'routed')
        must(
          await call(api.url, 'POST', `/cases/${id}/route`, district, {
            version: await version(district),
            bodyId: bodyA,
            reason: '负载测试',
          }),
          200,
          'route',
        );
      must(
        await call(api.url, 'POST', `/cases/${id}/accept`, bodyAdmin, { version: await version(bodyAdmin) }),
        200,
        'accept',
      );
      must(
        await call(api.url, 'POST', `/cases/${id}/assign`, bodyAdmin, {
          version: await version(bodyAdmin),
          mediatorId,
        }),
        200,
        'assign',
      );
      must(
        await call(api.url, 'POST', `/cases/${id}/transitions/start_mediation`, mediator, {
          version: await version(mediator),
        }),
        200,
        'start',
      );
      const detail = must(await call(api.url, 'GET', `/cases/${id}`, mediator), 200, 'detail').body;
      const respondent = await partyToken(phone('1366', i));
      must(await call(api.url, 'GET', '/cases/mine', respondent), 200, 'link respondent');
      rooms[i] = { roomId: detail.rooms.find((r: any) => r.kind === 'joint').id, applicant, respondent };
    });
    return { rooms, mediator, bodyAdmin, district, applicants };
  } finally {
    await api.stop();
  }
}
