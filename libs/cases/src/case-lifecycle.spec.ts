import { Role } from '@tiaojie/core';
import { TRANSITIONS, actionsFrom, availableActions, isAllowed, transitionFor } from './case-lifecycle';
import { CASE_STATUSES, CaseStatus } from './case-states';

describe('case lifecycle definition', () => {
  const statuses = Object.keys(CASE_STATUSES) as CaseStatus[];

  it('only names states that exist', () => {
    for (const t of TRANSITIONS) {
      for (const f of t.from) expect(statuses).toContain(f);
      if (t.to) expect(statuses).toContain(t.to);
    }
  });

  it('reaches every state from received, and closed from every non-final state', () => {
    const reach = new Set<CaseStatus>(['received']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS)
        if (t.to && t.from.some((f) => reach.has(f)) && !reach.has(t.to)) {
          reach.add(t.to);
          grew = true;
        }
    }
    expect([...reach].sort()).toEqual([...statuses].sort());
    for (const s of statuses) expect(actionsFrom(s).length).toBeGreaterThan(0);
  });

  it('gives parties no staff actions and staff of the body no party actions', () => {
    const asParty = availableActions('agreement_pending', Role.Party, new Set(['party', 'applicant']));
    expect(asParty.sort()).toEqual(['sign', 'withdraw']);
    const asMediator = availableActions(
      'agreement_pending',
      Role.Mediator,
      new Set(['handling_body', 'assigned_mediator']),
    );
    expect(asMediator).not.toContain('sign');
    expect(asMediator).toContain('record_failure');
  });

  it('requires the relation, not only the role', () => {
    const accept = transitionFor('accept')!;
    expect(isAllowed(accept, Role.BodyAdmin, new Set(['handling_body']))).toBe(true);
    expect(isAllowed(accept, Role.BodyAdmin, new Set())).toBe(false);
    expect(
      isAllowed(transitionFor('reopen')!, Role.Mediator, new Set(['handling_body', 'assigned_mediator'])),
    ).toBe(false);
  });

  describe('the way forward from a breach', () => {
    const party = new Set(['party'] as const);
    const mediator = new Set(['handling_body', 'assigned_mediator'] as const);
    const court = new Set(['court'] as const);

    it('lets a party apply for judicial confirmation or enforcement from breached, and the mediator for them', () => {
      expect(availableActions('breached', Role.Party, party).sort()).toEqual([
        'apply_enforcement',
        'request_confirmation',
      ]);
      expect(availableActions('breached', Role.Mediator, mediator).sort()).toEqual([
        'apply_enforcement',
        'close',
        'follow_up',
        'request_confirmation',
      ]);
      expect(availableActions('confirmed', Role.Party, party)).toEqual(['apply_enforcement']);
    });

    it('hands the enforcement application to the court, which alone records its receipt', () => {
      const apply = transitionFor('apply_enforcement')!;
      expect(apply.to).toBe('enforcement_requested');
      expect(isAllowed(apply, Role.Party, new Set())).toBe(false); // a party of another case
      expect(isAllowed(apply, Role.Judge, court)).toBe(false);
      expect(availableActions('enforcement_requested', Role.CourtClerk, court)).toEqual([
        'receive_enforcement',
      ]);
      expect(availableActions('enforcement_requested', Role.Judge, court)).toEqual(['receive_enforcement']);
      expect(availableActions('enforcement_requested', Role.Party, party)).toEqual([]);
      expect(availableActions('enforcement_requested', Role.Mediator, mediator)).not.toContain(
        'receive_enforcement',
      );
      expect(availableActions('enforcement_requested', Role.CourtClerk, new Set())).toEqual([]);
      expect(transitionFor('receive_enforcement')!.to).toBe('enforcement_received');
      expect(availableActions('enforcement_received', Role.Mediator, mediator).sort()).toEqual([
        'close',
        'follow_up',
      ]);
    });

    it('keeps a breached case on the tracker stage of performance, with a next step for people', () => {
      for (const s of ['enforcement_requested', 'enforcement_received'] as const) {
        expect(CASE_STATUSES[s].stage).toBe(CASE_STATUSES.breached.stage);
        expect(CASE_STATUSES[s].next).toMatch(/法院/);
      }
    });
  });
});
