import { DomainError, Role } from '@tiaojie/core';
import { CaseRoomService } from './case-room.service';

/** Eviction decisions: only a refusal revokes a connected user's rooms, never a failed read. */
describe('CaseRoomService.revoked', () => {
  const disputeId = '11111111-1111-4111-8111-111111111111';
  const room = { id: '22222222-2222-4222-8222-222222222222', kind: 'joint', partyId: null, disputeId };
  const make = (load: () => Promise<unknown>) =>
    new CaseRoomService(
      { db: {} } as any,
      { forDispute: async () => [room] } as any,
      {} as any,
      {} as any,
      { load } as any,
      {} as any,
      {} as any,
      {} as any,
      {} as any,
    );
  const mediator = {
    id: '33333333-3333-4333-8333-333333333333',
    role: Role.Mediator,
    orgId: null,
    name: '钱调解',
  };

  it('revokes every room of the case for a user the case now refuses', async () => {
    const svc = make(async () => {
      throw DomainError.notFound('case', disputeId);
    });
    await expect(svc.revoked(disputeId, [mediator])).resolves.toEqual([
      { userId: mediator.id, roomId: room.id },
    ]);
  });

  it('fails the sweep (evicting no one) when the case cannot be read', async () => {
    const svc = make(async () => {
      throw new Error('Connection terminated unexpectedly');
    });
    await expect(svc.revoked(disputeId, [mediator])).rejects.toThrow('Connection terminated');
  });
});

/** Send authorisation: one read per actor and room, shared by the sends that arrive while it is being read. */
describe('CaseRoomService.send', () => {
  const disputeId = '11111111-1111-4111-8111-111111111111';
  const roomId = '22222222-2222-4222-8222-222222222222';
  const mediator = {
    id: '33333333-3333-4333-8333-333333333333',
    role: Role.Mediator,
    orgId: '44444444-4444-4444-8444-444444444444',
    name: '钱调解',
  };
  const setup = (opts: { refuse?: boolean } = {}) => {
    let reads = 0;
    const svc = new CaseRoomService(
      { db: {} } as any,
      {
        withAccess: async () => {
          reads += 1;
          await new Promise((r) => setTimeout(r, 20));
          if (opts.refuse) return null;
          return {
            room: { id: roomId, kind: 'joint', partyId: null, disputeId },
            dispute: { id: disputeId, version: 3, sessionMode: 'joint' },
            member: null,
          };
        },
      } as any,
      {} as any,
      {} as any,
      { relationsOf: () => ({ relations: new Set(['assigned_mediator']), ownParties: [] }) } as any,
      {
        sendAtVersion: async (_a: unknown, _r: string, input: { clientMsgId: string }) => ({
          message: { clientMsgId: input.clientMsgId },
          duplicate: false,
        }),
      } as any,
      {} as any,
      {} as any,
      {} as any,
    );
    return { svc, reads: () => reads };
  };

  it('reads the authorisation once for sends that arrive together, and not again while it is remembered', async () => {
    const { svc, reads } = setup();
    const sent = await Promise.all(
      ['a', 'b', 'c'].map((id) => svc.send(mediator, roomId, { clientMsgId: id, body: '你好' })),
    );
    expect(sent.map((s) => (s.message as any).clientMsgId)).toEqual(['a', 'b', 'c']);
    expect(reads()).toBe(1);
    await svc.send(mediator, roomId, { clientMsgId: 'd', body: '再说一句' });
    expect(reads()).toBe(1);
  });

  it('refuses every waiting send when the shared read refuses, and reads afresh for the next one', async () => {
    const { svc, reads } = setup({ refuse: true });
    const results = await Promise.allSettled(
      ['a', 'b'].map((id) => svc.send(mediator, roomId, { clientMsgId: id, body: '你好' })),
    );
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(reads()).toBe(1);
    await expect(svc.send(mediator, roomId, { clientMsgId: 'c', body: '你好' })).rejects.toThrow();
    expect(reads()).toBe(2);
  });
});
