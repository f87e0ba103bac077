import { CaseRepository } from '../libs/cases/src/case.repository';
import { RoomRepository } from '@tiaojie/rooms';
import { APPLICATION, uniqueRespondent } from './support/factories';
import { mediatingCase, MediatingCase, RecordingSocket } from './rooms/support/room-fixtures';
import { RoomsTestApp, startRoomsApp } from './rooms/support/rooms-app';

/**
 * A write that fails for lack of space is named: 503 STORAGE_UNAVAILABLE in Chinese over HTTP and in socket acks
 * (not 500 INTERNAL), and /api/health answers 503 while writes fail, then 200 again. The failure is PostgreSQL's
 * own error for a full disk (53100, as PGlite and a server raise it), thrown where the statements are built; a
 * real full disk is the operator fault suite's (scripts/faults).
 */
function diskFull(): Error {
  const err = new Error('could not extend file "base/5/16384": No space left on device') as Error & {
    code: string;
  };
  err.code = '53100';
  return new Error('Failed query', { cause: err });
}

describe('storage errors (e2e)', () => {
  let t: RoomsTestApp;
  let c: MediatingCase;
  let socket: RecordingSocket;

  beforeAll(async () => {
    t = await startRoomsApp();
    c = await mediatingCase(t);
    socket = await RecordingSocket.open(t.url, c.mediator.token!);
    expect((await socket.ack('room:join', { roomId: c.rooms.joint })).ok).toBe(true);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    socket?.close();
    await t?.close();
  });

  const health = async () => {
    const r = await fetch(`${t.url}/api/health`);
    return { status: r.status, body: await r.json() };
  };

  it('answers 503 STORAGE_UNAVAILABLE on HTTP and in the socket ack, and health reports it until writes work', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { storage: 'ok' } });
    const cases = jest.spyOn(CaseRepository.prototype, 'newDisputeStatements').mockImplementation(() => {
      throw diskFull();
    });
    const rooms = jest.spyOn(RoomRepository.prototype, 'insertNew').mockRejectedValue(diskFull());
    const batch = jest.spyOn(RoomRepository.prototype, 'insertBatch').mockRejectedValue(diskFull());

    const applied = await fetch(`${t.url}/api/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${c.zhang.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...APPLICATION, respondents: [uniqueRespondent()] }),
    });
    const body = (await applied.json()) as { error: { code: string; message: string } };
    expect({ status: applied.status, code: body.error.code }).toEqual({
      status: 503,
      code: 'STORAGE_UNAVAILABLE',
    });
    expect(body.error.message).toContain('磁盘空间已满');

    const sent = await socket.ack('message:send', {
      roomId: c.rooms.joint,
      clientMsgId: 'disk-full-1',
      body: '磁盘满时发送',
    });
    expect(sent).toMatchObject({ ok: false, error: { code: 'STORAGE_UNAVAILABLE' } });

    expect(await health()).toMatchObject({
      status: 503,
      body: { error: { code: 'STORAGE_UNAVAILABLE', details: { storage: 'failing', cause: 'ENOSPC' } } },
    });

    cases.mockRestore();
    rooms.mockRestore();
    batch.mockRestore();
    const again = await socket.ack('message:send', {
      roomId: c.rooms.joint,
      clientMsgId: 'disk-full-1',
      body: '磁盘满时发送',
    });
    expect(again.ok).toBe(true);
    // health clears once no write has failed for a while (a server's disk is not probed from here)
    const deadline = Date.now() + 30_000;
    while ((await health()).status !== 200) {
      if (Date.now() > deadline) throw new Error('health still 503 30 s after writes worked again');
      await new Promise((r) => setTimeout(r, 250));
    }
  });
});
