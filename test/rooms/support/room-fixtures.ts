import { HttpClient, expectStatus } from '../../support/http-client';
import { appliedCase, staff } from '../../support/factories';
import { ClientSocket, connect, emitAck } from '../../support/socket-client';
import type { TestApp } from '../../support/test-app';

export interface MediatingCase {
  caseId: string;
  zhang: HttpClient;
  li: HttpClient;
  admin: HttpClient;
  mediator: HttpClient;
  rooms: { joint: string; staff: string; caucusZhang: string; caucusLi: string };
}

/** 张三 applies against 李四 (neighbour dispute, Jinsha street committee); js_admin accepts, assigns js_mediator, who starts mediation. */
export async function mediatingCase(t: TestApp): Promise<MediatingCase> {
  const { party: zhang, caseId } = await appliedCase(t, '13800000001', {
    respondents: [{ name: '李四', phone: '13800000002' }],
  });
  const admin = await staff(t, 'js_admin');
  let view = (await admin.get(`/cases/${caseId}`)).body;
  expectStatus(await admin.post(`/cases/${caseId}/accept`, { version: view.version }), 200);
  const mediator = await staff(t, 'js_mediator');
  const mediatorId = (await mediator.get('/auth/me')).body.id;
  view = (await admin.get(`/cases/${caseId}`)).body;
  expectStatus(await admin.post(`/cases/${caseId}/assign`, { version: view.version, mediatorId }), 200);
  view = (await mediator.get(`/cases/${caseId}`)).body;
  expectStatus(
    await mediator.post(`/cases/${caseId}/transitions/start_mediation`, { version: view.version }),
    200,
  );
  const li = await new HttpClient(t.url).signInParty('13800000002', (p) => t.sms.lastCode(p));
  expectStatus(await li.get(`/cases/${caseId}`), 200);
  view = (await mediator.get(`/cases/${caseId}`)).body;
  const applicant = view.parties.find((p: any) => p.role === 'applicant').id;
  const respondent = view.parties.find((p: any) => p.role === 'respondent').id;
  const room = (pred: (r: any) => boolean) => view.rooms.find(pred).id as string;
  return {
    caseId,
    zhang,
    li,
    admin,
    mediator,
    rooms: {
      joint: room((r) => r.kind === 'joint'),
      staff: room((r) => r.kind === 'staff'),
      caucusZhang: room((r) => r.kind === 'caucus' && r.partyId === applicant),
      caucusLi: room((r) => r.kind === 'caucus' && r.partyId === respondent),
    },
  };
}

/** A socket that records every event it receives, by name. */
export class RecordingSocket {
  readonly events = new Map<string, any[]>();

  private constructor(readonly socket: ClientSocket) {
    socket.onAny((event: string, payload: unknown) => {
      const list = this.events.get(event) ?? [];
      list.push(payload);
      this.events.set(event, list);
    });
  }

  static async open(url: string, token: string): Promise<RecordingSocket> {
    return new RecordingSocket(await connect(url, token));
  }

  of(event: string): any[] {
    return this.events.get(event) ?? [];
  }

  ack<T = any>(event: string, payload: unknown): Promise<T> {
    return emitAck<T>(this.socket, event, payload);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** The highest seq up to which every message is held: what a client sends as lastSeq (it may hold later ones too). */
export function contiguousSeq(seqs: Iterable<number>, from = 0): number {
  const have = new Set(seqs);
  let last = from;
  while (have.has(last + 1)) last += 1;
  return last;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
