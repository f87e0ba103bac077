import { createHash } from 'node:crypto';
import { HttpClient, expectStatus } from '../support/http-client';
import { MediatingCase, RecordingSocket, mediatingCase } from '../rooms/support/room-fixtures';
import type { TestApp } from '../support/test-app';

export interface CallCase extends MediatingCase {
  sessionId: string;
  parties: { zhang: string; li: string };
}

/** A case in mediation whose parties both consented online, with an online joint session scheduled for them. */
export async function callCase(t: TestApp): Promise<CallCase> {
  const c = await mediatingCase(t);
  for (const p of [c.zhang, c.li]) expectStatus(await p.post(`/cases/${c.caseId}/consents/online`), 200);
  const view = (await c.mediator.get(`/cases/${c.caseId}`)).body;
  const zhang = view.parties.find((p: any) => p.role === 'applicant').id as string;
  const li = view.parties.find((p: any) => p.role === 'respondent').id as string;
  const s = await c.mediator.post(`/cases/${c.caseId}/sessions`, {
    scheduledAt: '2026-12-08T09:30:00+08:00',
    online: true,
    mode: 'joint',
    participants: [zhang, li],
  });
  expectStatus(s, 201);
  return { ...c, sessionId: s.body.id, parties: { zhang, li } };
}

export async function userId(client: HttpClient): Promise<string> {
  return (await client.get('/auth/me')).body.id;
}

/** A socket that joined the call; its peerId from the ack. */
export async function joinCall(
  url: string,
  client: HttpClient,
  sessionId: string,
  sockets: RecordingSocket[],
) {
  const socket = await RecordingSocket.open(url, client.token!);
  sockets.push(socket);
  const ack = await socket.ack('call:join', { sessionId });
  if (!ack.ok) throw new Error(`call:join refused: ${JSON.stringify(ack.error)}`);
  return { socket, peerId: ack.data.selfPeerId as string, ack: ack.data };
}

/** Bytes that begin like a WebM (EBML) file, standing in for MediaRecorder chunks. */
export function webmChunks(count: number, size = 40_000): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const b = Buffer.alloc(size, i + 1);
    if (i === 0) Buffer.from([0x1a, 0x45, 0xdf, 0xa3]).copy(b);
    chunks.push(b);
  }
  return chunks;
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
