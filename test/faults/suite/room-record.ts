import { call, mediatingCase, partyToken, staffToken } from '../support/clients';
import type { Proc } from '../support/cluster';
import { MessageLoad } from '../support/load';
import { Tally, tally } from './tally';

const PAGE = 100;

/** A case in mediation on a freshly started process: the party's and the mediator's tokens, and its rooms. */
export async function caseInMediation(proc: Proc) {
  const party = await partyToken(proc, '13800000001');
  const admin = await staffToken(proc.url, 'js_admin');
  const mediator = await staffToken(proc.url, 'js_mediator');
  const { rooms } = await mediatingCase(proc.url, party, admin, mediator);
  return { party, mediator, rooms };
}

/** Every message of a room by clientMsgId (how many times each is stored), and whether the seqs are gapless. */
export async function roomRecord(
  base: string,
  token: string,
  roomId: string,
): Promise<{ counts: Map<string, number>; seqs: number; gapless: boolean }> {
  const counts = new Map<string, number>();
  let after = 0;
  let n = 0;
  let gapless = true;
  for (;;) {
    // small pages: a page of bulky messages (the disk-full scenario's) is megabytes of JSON
    const r = await call(base, 'GET', `/rooms/${roomId}/messages?afterSeq=${after}&limit=${PAGE}`, {
      token,
      timeoutMs: 60_000,
    });
    if (r.status !== 200) throw new Error(`history: ${r.status} ${JSON.stringify(r.body)}`);
    for (const m of r.body) {
      n += 1;
      if (m.seq !== after + 1) gapless = false;
      after = m.seq;
      if (m.clientMsgId) counts.set(m.clientMsgId, (counts.get(m.clientMsgId) ?? 0) + 1);
    }
    if (r.body.length < PAGE) return { counts, seqs: n, gapless };
  }
}

/**
 * The room messages the loads had acknowledged, counted against the room's record: each stored once, the seqs
 * gapless, none acknowledged with a seq the record does not reach.
 */
export async function messagesTally(
  scenario: string,
  base: string,
  token: string,
  roomId: string,
  loads: MessageLoad[],
  notes: string[],
): Promise<Tally> {
  const record = await roomRecord(base, token, roomId);
  const acked = loads.flatMap((l) => [...l.acked.keys()]);
  const wrongSeq = loads.flatMap((l) => [...l.acked].filter(([, seq]) => seq > record.seqs)).length;
  const t = tally(scenario, 'room messages', acked, record.counts, [...notes, `${record.seqs} stored`]);
  if (!record.gapless) t.problems.push('seqs have gaps');
  if (wrongSeq) t.problems.push(`${wrongSeq} acknowledged with a seq beyond the record`);
  return t;
}
