import { Role } from '@tiaojie/core';
import {
  CASE_STATUSES,
  TRANSITIONS,
  actionsFrom,
  availableActions,
  isAllowed,
  transitionFor,
  CaseStatus,
} from './case-lifecycle';

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
});
