import { listItem, listItemSql } from './case-list-item';
import type { DisputeSummaryRow } from './case.repository';

const row = (patch: Partial<DisputeSummaryRow> = {}): DisputeSummaryRow => ({
  id: '6f0c7b1e-0000-4000-8000-000000000001',
  number: 'TZ2026-000001',
  title: '噪音',
  category: 'neighbour',
  deadlineRegime: 'peoples_mediation',
  enterpriseRelated: false,
  kind: 'peoples',
  channel: 'online',
  status: 'accepted',
  version: 3,
  bodyId: null,
  mediatorId: null,
  streetCode: 'JS',
  sessionMode: 'joint',
  dueAt: new Date('2026-12-01T15:59:59.000Z'),
  createdAt: new Date('2026-11-01T02:03:04.005Z'),
  updatedAt: new Date('2026-11-02T02:03:04.500Z'),
  createdBy: null,
  formerBodyIds: [],
  ...patch,
});

describe('listItem', () => {
  it('shows the row with its labels and ISO timestamps, and leaves out what lists do not show', () => {
    expect(listItem(row())).toEqual({
      id: '6f0c7b1e-0000-4000-8000-000000000001',
      number: 'TZ2026-000001',
      title: '噪音',
      category: 'neighbour',
      deadlineRegime: 'peoples_mediation',
      enterpriseRelated: false,
      categoryLabel: '邻里纠纷',
      kind: 'peoples',
      channel: 'online',
      status: 'accepted',
      statusLabel: '已签收',
      version: 3,
      bodyId: null,
      mediatorId: null,
      streetCode: 'JS',
      sessionMode: 'joint',
      dueAt: '2026-12-01T15:59:59.000Z',
      createdAt: '2026-11-01T02:03:04.005Z',
      updatedAt: '2026-11-02T02:03:04.500Z',
    });
  });

  it('shows an unknown code as itself and no due date as null', () => {
    expect(listItem(row({ category: 'no_such', status: 'gone', dueAt: null }))).toMatchObject({
      categoryLabel: 'no_such',
      statusLabel: 'gone',
      dueAt: null,
    });
  });

  it('names the same keys in its SQL, over the table columns', () => {
    const sqlKeys = [...listItemSql('t').matchAll(/(?:^|, )'([A-Za-z]+)', /g)].map((m) => m[1]);
    expect(sqlKeys.sort()).toEqual(Object.keys(listItem(row())).sort());
    expect(listItemSql('t')).toContain("'deadlineRegime', t.deadline_regime");
  });
});
