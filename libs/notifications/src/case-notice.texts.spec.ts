import { type CaseNoticeKind, caseNoticeText } from './case-notice.texts';

const ALL: CaseNoticeKind[] = [
  'case.routed',
  'case.district_queue',
  'case.accepted',
  'case.returned',
  'case.transferred',
  'case.referred_to_court',
  'case.mediator_assigned',
  'session.scheduled',
  'session.changed',
  'session.cancelled',
  'agreement.to_sign',
  'agreement.other_signed',
  'agreement.party_signed',
  'agreement.in_force',
  'confirmation.confirmed',
  'confirmation.rejected',
  'performance.reminder',
  'follow_up.due',
  'case.closed',
  'case.no_agreement',
  'case.withdrawn',
  'case.terminated',
];

const facts = {
  number: 'TZ2026-000042',
  bodyName: '金沙街道人民调解委员会',
  session: { at: new Date('2026-12-20T01:30:00Z'), online: false, place: '金沙街道调解室' },
  dueOn: '2026-12-31',
};

describe('case notice texts', () => {
  it('tells a party of every step a party lives through, in short Chinese with the case number', () => {
    const silent = ['case.mediator_assigned', 'agreement.party_signed'];
    for (const kind of ALL) {
      const t = caseNoticeText(kind, 'party', facts);
      if (silent.includes(kind)) {
        expect(t).toBeNull();
        continue;
      }
      expect(t).not.toBeNull();
      expect(t!.title).toContain('（TZ2026-000042）');
      // no Latin letters besides the case number, no links, and short enough for one or two SMS
      expect(`${t!.title}${t!.body}`.replace('TZ2026-000042', '')).not.toMatch(/[A-Za-z]|https?:|\/\//);
      expect(`【调解平台】${t!.title}：${t!.body}`.length).toBeLessThanOrEqual(134);
    }
  });

  it('says where the case went, when and where the session is, and which date is due', () => {
    expect(caseNoticeText('case.routed', 'party', facts)).toEqual({
      title: '案件已分派（TZ2026-000042）',
      body: '您的纠纷已分派至金沙街道人民调解委员会，请留意后续通知。',
    });
    expect(caseNoticeText('session.scheduled', 'party', facts)!.body).toBe(
      '调解定于2026年12月20日 09:30在金沙街道调解室进行，请准时参加。',
    );
    expect(
      caseNoticeText('session.changed', 'party', { ...facts, session: { ...facts.session, online: true } })!
        .body,
    ).toBe('调解改为2026年12月20日 09:30在线进行（请登录平台进入调解室），请准时参加。');
    expect(caseNoticeText('session.cancelled', 'party', facts)!.body).toContain('已取消');
    expect(caseNoticeText('performance.reminder', 'party', facts)!.body).toBe(
      '协议约定的履行期限2026年12月31日将至，请按时履行。',
    );
    // without a body name the sentence still reads
    expect(caseNoticeText('case.accepted', 'party', { number: 'TZ2026-000042' })!.body).toBe(
      '调解组织已签收您的案件，将指派调解员并安排调解。',
    );
  });

  it('tells staff only of what they act on, never naming a party', () => {
    const told = ALL.filter((k) => caseNoticeText(k, 'staff', facts));
    expect(told).toEqual([
      'case.routed',
      'case.district_queue',
      'case.transferred',
      'case.referred_to_court',
      'case.mediator_assigned',
      'agreement.party_signed',
      'agreement.in_force',
      'confirmation.confirmed',
      'confirmation.rejected',
      'performance.reminder',
      'follow_up.due',
      'case.withdrawn',
    ]);
    expect(caseNoticeText('case.routed', 'staff', facts)).toEqual({
      title: '新案件待签收（TZ2026-000042）',
      body: '有一件纠纷分派至本单位，请及时签收。',
    });
  });
});
