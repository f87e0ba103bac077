import { DUE_SOON_DAYS, queueListJson, urgencyOf } from './queue-list.json';
import type { RawQueueRow } from './case-queue.repository';

const now = Date.UTC(2026, 10, 27, 8, 0, 0);
const row = (over: Partial<RawQueueRow>): RawQueueRow => ({
  id: 'a1b2', number: 'TZ2026-000001', title: '噪音', category: 'neighbour', deadline_regime: null, enterprise_related: false, kind: 'peoples',
  channel: 'online', status: 'accepted', version: 3, body_id: 'b1', mediator_id: null, street_code: 'JS', session_mode: null,
  due_at: null, created_at: new Date(now - 1000), updated_at: new Date(now), ...over,
});

describe('queueListJson', () => {
  it('writes valid JSON for any text, null fields and timestamps given as Date or text', () => {
    const title = '引号"\\反斜杠\n换行\t😀\u2028<script>';
    const items = JSON.parse(queueListJson([
      row({ title, deadline_regime: "it's", enterprise_related: null }),
      row({ id: 'c3', due_at: '2026-11-28T08:00:00.123Z', created_at: '2026-11-01 00:00:00.5+00', status: 'no_such', category: 'no_such' }),
    ], now));
    expect(items[0]).toEqual({
      id: 'a1b2', number: 'TZ2026-000001', title, category: 'neighbour', deadlineRegime: "it's", enterpriseRelated: null, categoryLabel: '邻里纠纷',
      kind: 'peoples', channel: 'online', status: 'accepted', statusLabel: '已签收', version: 3, bodyId: 'b1', mediatorId: null, streetCode: 'JS',
      sessionMode: null, dueAt: null, createdAt: new Date(now - 1000).toISOString(), updatedAt: new Date(now).toISOString(), urgency: 'none',
    });
    expect(items[1]).toMatchObject({ dueAt: '2026-11-28T08:00:00.123Z', createdAt: '2026-11-01T00:00:00.500Z', categoryLabel: 'no_such', statusLabel: 'no_such', urgency: 'due_soon' });
    expect(queueListJson([], now)).toBe('[]');
  });

  it('counts a case due soon from DUE_SOON_DAYS before its due date, and overdue from the moment after it', () => {
    const at = (ms: number) => urgencyOf(new Date(now + ms), now);
    expect([at(-1), at(0), at(DUE_SOON_DAYS * 86_400_000 - 1), at(DUE_SOON_DAYS * 86_400_000)]).toEqual(['overdue', 'due_soon', 'due_soon', 'ok']);
    expect(urgencyOf(null, now)).toBe('none');
  });
});
