import { Empty, Timeline, Typography } from 'antd';
import { fmtDateTime, ROLE_LABELS } from '../lib/format';
import type { Schemas } from '../lib/api-types';

type TimelineEntry = Schemas['TimelineEntry'];

/** The audited transitions of a case, oldest first, times in Asia/Shanghai. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <Empty description="暂无办理记录" />;
  return (
    <Timeline
      items={entries.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: i === entries.length - 1 ? 'blue' : 'gray',
        content: (
          <div>
            <Typography.Text strong>{e.label}</Typography.Text>
            <Typography.Text type="secondary"> → {e.statusLabel}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <time dateTime={e.at}>{fmtDateTime(e.at)}</time>
                {e.actorRole ? ` · ${ROLE_LABELS[e.actorRole] ?? e.actorRole}` : ''}
              </Typography.Text>
            </div>
            {e.reason && <div style={{ fontSize: 13 }}>{e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
