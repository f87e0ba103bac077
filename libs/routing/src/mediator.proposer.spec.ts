import fc from 'fast-check';
import type { Mediator, RoutingDispute } from './routing.types';
import { proposeMediator } from './mediator.proposer';
import { compileRouting } from './route.engine';
import { MEDIATORS, RULES, dispute, registryWith } from './routing.fixtures';

const MED = { id: 'med-district', name: '区医疗纠纷人民调解委员会' };
const medical = dispute({ category: 'medical' });

describe('proposeMediator', () => {
  it('never proposes a mediator with a declared conflict, even the least-loaded specialist', () => {
    const p = proposeMediator(medical, MED, MEDIATORS);
    expect(p.outcome).toBe('proposed');
    expect(p.mediatorId).toBe('m-wang');
    const li = p.candidates.find((c) => c.mediatorId === 'm-li');
    expect(li?.exclusions).toEqual([
      expect.objectContaining({ code: 'CONFLICT_OF_INTEREST', conflictKind: 'relative' }),
    ]);
    expect(p.explanation.zh).toContain('已排除 1 名与当事人有利害关系的调解员');
    expect(p.explanation.en).toContain('specialises in Medical dispute');
  });

  it('ranks specialty match before load, then load, then id', () => {
    const p = proposeMediator(
      medical,
      MED,
      MEDIATORS.filter((m) => m.id !== 'm-li'),
    );
    expect(p.candidates.map((c) => c.mediatorId)).toEqual(['m-sun', 'm-wang', 'm-zhao']);
    expect(p.mediatorId).toBe('m-wang');
    expect(p.candidates.find((c) => c.mediatorId === 'm-sun')?.exclusions.map((e) => e.code)).toEqual([
      'INACTIVE',
    ]);
  });

  it('uses load when no specialist is available', () => {
    const p = proposeMediator(dispute({ category: 'traffic' }), MED, MEDIATORS);
    expect(p.mediatorId).toBe('m-zhao');
    expect(p.explanation.zh).toContain('没有专长为「交通事故」的可用调解员');
  });

  it('matches conflicts whatever the formatting of the party key', () => {
    const m = (key: string): Mediator => ({
      id: 'm1',
      name: '甲',
      bodyId: 'B',
      active: true,
      specialties: [],
      openCases: 0,
      conflicts: [{ kind: 'employer', partyKey: key }],
    });
    const d: RoutingDispute = {
      ...medical,
      parties: [
        { type: 'enterprise', keys: ['某某科技有限公司（南京）', '320602199001011234X'] },
        { type: 'individual', keys: ['+86 138-0000-0001'] },
      ],
    };
    for (const key of [
      '某某科技有限公司(南京)',
      ' 某某科技有限公司 （南京） ',
      '320602199001011234x',
      '13800000001',
      '１３８００００００01',
    ]) {
      expect(proposeMediator(d, { id: 'B', name: 'b' }, [m(key)]).outcome).toBe('none_available');
    }
    expect(proposeMediator(d, { id: 'B', name: 'b' }, [m('13800000009')]).mediatorId).toBe('m1');
  });

  it('skips mediators at their personal limit and those of other bodies', () => {
    const list: Mediator[] = [
      {
        id: 'a',
        name: 'A',
        bodyId: 'B',
        active: true,
        specialties: ['medical'],
        openCases: 5,
        maxOpenCases: 5,
        conflicts: [],
      },
      {
        id: 'b',
        name: 'B',
        bodyId: 'OTHER',
        active: true,
        specialties: ['medical'],
        openCases: 0,
        conflicts: [],
      },
    ];
    const p = proposeMediator(medical, { id: 'B', name: '乙' }, list);
    expect(p).toMatchObject({ outcome: 'none_available', mediatorId: null, ignoredOtherBody: 1 });
    expect(p.candidates[0].exclusions.map((e) => e.code)).toEqual(['AT_PERSONAL_LIMIT']);
    expect(p.explanation.zh).toContain('均不可指派');
  });

  it('is available on a compiled router with the snapshot mediators', () => {
    const router = compileRouting(registryWith(), RULES);
    expect(router.proposeMediator(medical, 'med-district').mediatorId).toBe('m-wang');
    expect(router.proposeMediator(dispute(), 'pm-c0101').mediatorId).toBe('m-zhou');
    expect(router.proposeMediator(dispute(), 'pm-s01').outcome).toBe('none_available');
    expect(() => router.proposeMediator(dispute(), 'nope')).toThrow(RangeError);
  });
});

// ---- property: never a conflicted, inactive or full mediator; always one when a valid one exists ----
const BASE_KEYS = [
  '13800000001',
  '13900000002',
  '32060219900101123X',
  '某某科技有限公司',
  '13700000003',
  '某某物业管理有限公司',
];
const fullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const DECORATIONS: ((k: string) => string)[] = [
  (k) => k,
  (k) => ` ${k} `,
  (k) => k.replace(/(.{3})/g, '$1 ').trim(),
  (k) => k.replace(/(.{4})/g, '$1-'),
  (k) => (/^1\d{10}$/.test(k) ? `+86${k}` : k),
  (k) => k.toLowerCase(),
  fullWidth,
];

const scenario = fc.record({
  partyKeyIdx: fc.subarray(BASE_KEYS.map((_, i) => i)),
  mediators: fc.array(
    fc.record({
      bodyId: fc.constantFrom('B', 'B', 'B', 'OTHER'),
      active: fc.oneof(
        { weight: 4, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      specialties: fc.subarray(['medical', 'family']),
      openCases: fc.integer({ min: 0, max: 4 }),
      maxOpenCases: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      conflicts: fc.array(
        fc.record({
          kind: fc.constantFrom('relative' as const, 'employer' as const, 'prior_involvement' as const),
          key: fc.nat(BASE_KEYS.length - 1),
          deco: fc.nat(DECORATIONS.length - 1),
        }),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 8 },
  ),
  category: fc.constantFrom('medical', 'family', 'labour'),
});

describe('proposeMediator: properties', () => {
  it('never proposes a conflicted, inactive, full or foreign mediator, and proposes the best valid one', () => {
    fc.assert(
      fc.property(scenario, ({ partyKeyIdx, mediators, category }) => {
        const list: Mediator[] = mediators.map((m, i) => ({
          id: `m${i}`,
          name: `M${i}`,
          bodyId: m.bodyId,
          active: m.active,
          specialties: m.specialties,
          openCases: m.openCases,
          maxOpenCases: m.maxOpenCases,
          conflicts: m.conflicts.map((c) => ({
            kind: c.kind,
            partyKey: DECORATIONS[c.deco](BASE_KEYS[c.key]),
          })),
        }));
        const d: RoutingDispute = {
          ...medical,
          category,
          parties: partyKeyIdx.map((i) => ({ type: 'individual', keys: [BASE_KEYS[i]] })),
        };
        const isValid = (i: number) => {
          const m = mediators[i];
          return (
            m.bodyId === 'B' &&
            m.active &&
            (m.maxOpenCases === undefined || m.openCases < m.maxOpenCases) &&
            !m.conflicts.some((c) => partyKeyIdx.includes(c.key))
          );
        };
        const validIdx = mediators.map((_, i) => i).filter(isValid);
        const p = proposeMediator(d, { id: 'B', name: 'b' }, list);
        if (validIdx.length === 0) {
          expect(p.mediatorId).toBeNull();
          return;
        }
        expect(p.mediatorId).not.toBeNull();
        const chosen = Number((p.mediatorId as string).slice(1));
        expect(isValid(chosen)).toBe(true);
        const specialists = validIdx.filter((i) => mediators[i].specialties.includes(category));
        const pool = specialists.length > 0 ? specialists : validIdx;
        expect(pool).toContain(chosen);
        expect(mediators[chosen].openCases).toBe(Math.min(...pool.map((i) => mediators[i].openCases)));
      }),
      { numRuns: 1000 },
    );
  });
});
