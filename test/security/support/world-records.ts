import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotificationService } from '@tiaojie/notifications';
import { HttpClient, expectStatus } from '../../support/http-client';
import type { TestApp } from '../../support/test-app';
import type { Principal, World } from './world';

/**
 * The world's records beside its cases: notifications (one SMS dead-lettered), an import run, staff members, a spare
 * login and a declared conflict.
 */
export async function worldRecords(
  t: TestApp,
  clients: Record<Principal, HttpClient>,
  me: World['me'],
  orgA: string,
  orgB: string,
) {
  // Notifications for three users (with SMS, so the outbox has rows), one dead letter.
  const notifier = t.api.app.get(NotificationService);
  const notify = async (userId: string, key: string) => {
    await t.db.transaction((tx) =>
      notifier.notify(tx, {
        userIds: [userId],
        kind: 'security.test',
        title: '测试通知',
        body: `通知 ${key}`,
        dedupeKey: `world:${key}`,
        sms: true,
      }),
    );
    const r = await t.db
      .raw(t.db.db)
      .query(`select id from notifications where dedupe_key = $1`, [`world:${key}`]);
    return r.rows[0].id as string;
  };
  const notifications = {
    partyA: await notify(me.partyA.id, 'partyA'),
    medA: await notify(me.medA.id, 'medA'),
    partyB: await notify(me.partyB.id, 'partyB'),
  };
  const dead = await t.db
    .raw(t.db.db)
    .query(
      `update outbox set status = 'dead', attempts = 5, last_error = 'provider down' where dedupe_key = $1 returning id`,
      [`world:partyB:${me.partyB.id}:sms`],
    );
  const deadLetter = dead.rows[0].id as string;

  // An import run (district admin uploads a slice of a grid export).
  const csv = readFileSync(
    join(
      __dirname,
      '..',
      '..',
      '..',
      'libs',
      'intake-parsers',
      'fixtures',
      'sample-2024',
      'grid_reports.csv',
    ),
    'utf8',
  )
    .split('\n')
    .slice(0, 21)
    .join('\n');
  const importCsv = Buffer.from(csv, 'utf8');
  const importForm = new FormData();
  importForm.append('file', new Blob([csv]), 'grid_reports.csv');
  const imp = await fetch(`${t.url}/api/intake/imports`, {
    method: 'POST',
    body: importForm,
    headers: { authorization: `Bearer ${clients.district.token}` },
  });
  const impBody: any = await imp.json();
  if (imp.status !== 200) throw new Error(`import upload: ${imp.status} ${JSON.stringify(impBody)}`);
  const importRun = impBody.runId as string;

  // Staff: a mediator in each body (targets of staff administration), a spare login, a declared conflict.
  const mkStaff = async (admin: HttpClient, orgId: string, username: string) => {
    const r = await admin.post('/staff', {
      username,
      displayName: '新任调解员',
      role: 'mediator',
      orgId,
      password: 'Welcome2026ok',
      specialties: ['neighbour'],
    });
    expectStatus(r, 201);
    return r.body.id as string;
  };
  const staffMemberA = await mkStaff(clients.adminA, orgA, `authz_a_${process.pid}`);
  const staffMemberBUsername = `authz_b_${process.pid}`;
  const staffMemberB = await mkStaff(clients.adminB, orgB, staffMemberBUsername);
  const spareLogin = { username: `authz_spare_${process.pid}`, password: 'Welcome2026ok' };
  await mkStaff(clients.district, orgA, spareLogin.username);
  const conflict = await clients.medA.post(`/registry/mediators/${me.medA.id}/conflicts`, {
    kind: 'relative',
    partyKey: '13999999999',
    note: '表亲',
  });
  expectStatus(conflict, 201);

  return {
    notifications,
    deadLetter,
    importRun,
    importCsv,
    staffMemberA,
    staffMemberB,
    staffMemberBUsername,
    spareLogin,
    conflictOfMedA: conflict.body.id as string,
  };
}
