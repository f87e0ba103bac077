import {
  findCrossChannelDuplicates,
  scoreDuplicate,
  type MatchFacts,
} from './cross-channel-duplicate.matcher';
import type { GridReportRecord, WorkOrderRecord } from './intake.types';
import { placesIn } from './match-profile';

const at = (iso: string) => new Date(`${iso}+08:00`);
const wangZhao = (when: string, extra: Partial<MatchFacts> = {}): MatchFacts => ({
  at: at(when),
  people: [
    { name: '王五', phone: '13900000055', idNumber: null },
    { name: '赵六', phone: '13900000066', idNumber: null },
  ],
  categories: ['neighbour'],
  street: 'JS',
  community: null,
  places: ['人民路12号'],
  text: '王五家装修拆墙导致赵六家墙体开裂，双方多次争吵。',
  ...extra,
});

describe('scoreDuplicate (the import rule for a live registration)', () => {
  it('is certain for the same parties by phone, category and street within the window', () => {
    const s = scoreDuplicate(wangZhao('2026-12-07T09:00:00'), wangZhao('2026-12-07T15:00:00'));
    expect(s?.confidence).toBe('certain');
    expect(s?.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['same-phone', 'same-name', 'same-category', 'same-street']),
    );
  });

  it('is only probable on names alone, and nothing outside the window or below the threshold', () => {
    const byName = (when: string) =>
      wangZhao(when, {
        people: [
          { name: '王五', phone: null, idNumber: null },
          { name: '赵六', phone: null, idNumber: null },
        ],
        places: [],
        text: '',
      });
    expect(scoreDuplicate(byName('2026-12-07T09:00:00'), byName('2026-12-07T10:00:00'))?.confidence).toBe(
      'uncertain',
    );
    expect(scoreDuplicate(wangZhao('2026-12-01T09:00:00'), wangZhao('2026-12-09T09:00:00'))).toBeNull();
    expect(
      scoreDuplicate(
        wangZhao('2026-12-07T09:00:00', { people: [{ name: '钱七', phone: '13900000077', idNumber: null }] }),
        wangZhao('2026-12-07T09:00:00'),
      ),
    ).toBeNull();
  });

  it('scores a pair exactly as findCrossChannelDuplicates does', () => {
    const order = {
      kind: 'work-order',
      sourceId: 'SW1',
      acceptedAt: at('2024-06-03T09:10:00'),
      requester: '韩梅',
      phone: '13912345678',
      address: '东湖街道东湖社区崇川路49号',
      street: '东湖街道',
      content: '楼上装修噪声，物业不处理，要求调解。',
      category: '矛盾纠纷-物业纠纷',
      disputeCategory: '物业纠纷',
      isDispute: true,
    } as unknown as WorkOrderRecord;
    const report = {
      kind: 'grid-report',
      sourceId: 'WG1',
      reportedAt: at('2024-06-03T15:00:00'),
      partyName: '韩梅',
      partyPhone: '13912345678',
      street: '东湖街道',
      community: '东湖社区',
      description: '崇川路49号楼上装修噪声，物业不处理。',
      eventSubtype: '物业纠纷',
      disputeCategory: '物业纠纷',
      isDispute: true,
    } as unknown as GridReportRecord;
    const [pair] = findCrossChannelDuplicates([order, report]);
    // the facts each profile is built from (match-profile.ts): places from the address or the description
    const facts = (
      r: any,
      when: Date,
      people: MatchFacts['people'],
      text: string,
      community: string | null,
      placeText: string,
    ) => ({
      at: when,
      people,
      categories: [r.disputeCategory],
      street: r.street,
      community,
      places: placesIn(placeText),
      text,
    });
    const s = scoreDuplicate(
      facts(
        report,
        report.reportedAt,
        [{ name: '韩梅', phone: '13912345678', idNumber: null }],
        report.description,
        '东湖社区',
        report.description,
      ),
      facts(
        order,
        order.acceptedAt,
        [{ name: '韩梅', phone: '13912345678', idNumber: null }],
        order.content,
        '东湖社区',
        order.address,
      ),
    );
    expect(s).toEqual({ score: pair.score, confidence: pair.confidence, reasons: pair.reasons });
  });
});
