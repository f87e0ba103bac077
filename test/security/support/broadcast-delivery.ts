import { ClientSocket, connect } from '../../support/socket-client';
import { TestApp } from '../../support/test-app';
import { AUTHZ_TABLE, Target, targetId } from '../authorization.table';
import { Mismatch, allowed } from './authz-matrix';
import { PRINCIPALS, Principal, World } from './world';

/**
 * Every principal joins every room and watches every case (the server decides); a message is sent in each room and
 * case A changes. Returns who got a message, case update or queue update the table does not allow them, or missed one
 * it does, and any broadcast payload holding a secret of others.
 */
export async function broadcastProblems(
  t: TestApp,
  w: World,
  leaks: (text: string, who: Principal, op: string) => string[],
): Promise<Mismatch[]> {
  const received = new Map<Principal, { event: string; payload: any }[]>();
  const sockets: ClientSocket[] = [];
  const roomTargets: Target[] = ['roomJointA', 'roomCaucusA', 'roomCaucusRespA', 'roomStaffA', 'roomLinkage'];
  try {
    for (const who of PRINCIPALS.filter((p) => p !== 'anonymous')) {
      const s = await connect(t.url, w.clients[who].token!);
      sockets.push(s);
      received.set(who, []);
      s.onAny((event: string, payload: any) => received.get(who)!.push({ event, payload }));
      // everyone tries everything; the server decides
      for (const rt of roomTargets)
        await s.timeout(10_000).emitWithAck('room:join', { roomId: targetId(w, rt) });
      for (const c of ['caseA', 'caseB', 'caseC'] as Target[])
        await s.timeout(10_000).emitWithAck('case:watch', { disputeId: targetId(w, c) });
    }
    const sender: Record<string, Exclude<Principal, 'anonymous'>> = {
      roomJointA: 'medA',
      roomCaucusA: 'medA',
      roomCaucusRespA: 'medA',
      roomStaffA: 'medA',
      roomLinkage: 'judge',
    };
    const sent = new Map<Target, string>();
    for (const rt of roomTargets) {
      const clientMsgId = `bcast-${rt}-${Date.now()}`;
      const s =
        sockets[
          PRINCIPALS.filter((p): p is Exclude<Principal, 'anonymous'> => p !== 'anonymous').indexOf(
            sender[rt],
          )
        ];
      const r = await s
        .timeout(10_000)
        .emitWithAck('message:send', { roomId: targetId(w, rt), clientMsgId, body: `广播测试 ${rt}` });
      expect(r).toMatchObject({ ok: true });
      sent.set(rt, clientMsgId);
    }
    // a change of case A: the performance item is done (case:updated to its watchers, queue:updated to body A)
    const version = (await w.clients.medA.get(`/cases/${w.cases.A}`)).body.version;
    const done = await w.clients.medA.post(`/cases/${w.cases.A}/performance/${w.performanceItemA}`, {
      version,
      status: 'done',
    });
    expect(done.status).toBe(200);

    const expectedFor = (rt: Target) =>
      new Set(
        PRINCIPALS.filter((p) =>
          allowed(
            AUTHZ_TABLE.find((r) => r.op === 'SOCKET room:join' && r.target === rt)!,
            p,
          ),
        ),
      );
    const watchers = new Set(
      PRINCIPALS.filter((p) =>
        allowed(
          AUTHZ_TABLE.find((r) => r.op === 'SOCKET case:watch' && r.target === 'caseA')!,
          p,
        ),
      ),
    );
    const orgA = new Set<Principal>(
      PRINCIPALS.filter(
        (p) => p !== 'anonymous' && w.me[p as Exclude<Principal, 'anonymous'>]?.orgId === w.orgs.A,
      ),
    );
    const deadline = Date.now() + 10_000;
    const has = (who: Principal, pred: (e: { event: string; payload: any }) => boolean) =>
      received.get(who)!.some(pred);
    // wait until everyone who should have everything has it
    for (;;) {
      const complete =
        [...sent].every(([rt, id]) =>
          [...expectedFor(rt)].every((p) =>
            has(p, (e) => e.event === 'message:new' && e.payload?.clientMsgId === id),
          ),
        ) &&
        [...watchers].every((p) =>
          has(
            p,
            (e) =>
              e.event === 'case:updated' && e.payload?.id === w.cases.A && e.payload?.status === 'performed',
          ),
        );
      if (complete || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 300));
    const problems: Mismatch[] = [];
    for (const who of PRINCIPALS.filter((p) => p !== 'anonymous')) {
      for (const [rt, id] of sent) {
        const got = has(who, (e) => e.event === 'message:new' && e.payload?.clientMsgId === id);
        if (got !== expectedFor(rt).has(who))
          problems.push({
            row: `message:new in ${rt}`,
            who,
            expected: expectedFor(rt).has(who) ? 'delivered' : 'not delivered',
            got: got ? 'delivered' : 'not delivered',
          });
      }
      const upd = has(who, (e) => e.event === 'case:updated' && e.payload?.id === w.cases.A);
      if (upd !== watchers.has(who))
        problems.push({
          row: 'case:updated of case A',
          who,
          expected: watchers.has(who) ? 'delivered' : 'not delivered',
          got: upd ? 'delivered' : 'not delivered',
        });
      const queue = has(who, (e) => e.event === 'queue:updated' && e.payload?.id === w.cases.A);
      if (queue && !orgA.has(who))
        problems.push({
          row: 'queue:updated of case A',
          who,
          expected: 'only staff of body A',
          got: 'delivered',
        });
      for (const e of received.get(who)!) {
        const l = leaks(JSON.stringify(e.payload ?? null), who, `SOCKET ${e.event}`);
        if (l.length)
          problems.push({
            row: `server event ${e.event}`,
            who,
            expected: 'no secret of others',
            got: `payload containing ${l.join(', ')}`,
          });
      }
    }
    return problems;
  } finally {
    sockets.forEach((s) => s.disconnect());
  }
}
