import { DomainError, Role } from '@tiaojie/core';
import { CaseRoomService } from './case-room.service';

/** Eviction decisions: only a refusal revokes a connected user's rooms, never a failed read. */
describe('CaseRoomService.revoked', () => {
  const disputeId = '11111111-1111-4111-8111-111111111111';
  const room = { id: '22222222-2222-4222-8222-222222222222', kind: 'joint', partyId: null, disputeId };
  const make = (load: () => Promise<unknown>) => new CaseRoomService(
    { db: {} } as any,
    { forDispute: async () => [room] } as any,
    {} as any,
    { load } as any,
    {} as any, {} as any, {} as any, {} as any,
  );
  const mediator = { id: '33333333-3333-4333-8333-333333333333', role: Role.Mediator, orgId: null, name: '钱调解' };

  it('revokes every room of the case for a user the case now refuses', async () => {
    const svc = make(async () => { throw DomainError.notFound('case', disputeId); });
    await expect(svc.revoked(disputeId, [mediator])).resolves.toEqual([{ userId: mediator.id, roomId: room.id }]);
  });

  it('fails the sweep (evicting no one) when the case cannot be read', async () => {
    const svc = make(async () => { throw new Error('Connection terminated unexpectedly'); });
    await expect(svc.revoked(disputeId, [mediator])).rejects.toThrow('Connection terminated');
  });
});
