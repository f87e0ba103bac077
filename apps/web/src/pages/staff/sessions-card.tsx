import { useState } from 'react';
import { Button, Card, List, Tag, Typography } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import { fmtDateTime } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-socket';
import type { Schemas } from '../../lib/api-types';
import { ScheduleSessionDialog } from './schedule-session-dialog';

/**
 * 调解会议: the case's sessions; an online one opens as a video call once every party consented (开始视频调解 for
 * the assigned mediator, 加入视频调解 for other staff, whom the call admits when the mediator invited them).
 * The assigned mediator of an active case schedules them here (安排调解会议).
 */
export function SessionsCard({
  caseId,
  mediator,
  canSchedule,
  parties,
}: {
  caseId: string;
  mediator: boolean;
  canSchedule: boolean;
  parties: Schemas['CaseParty'][];
}) {
  const [scheduling, setScheduling] = useState(false);
  const { data, reload } = useAsync(
    () => unwrap(apiClient.GET('/api/cases/{id}/sessions', { params: { path: { id: caseId } } })),
    [caseId],
  );
  useLiveRefresh(reload, { caseId });
  if (!data || (data.sessions.length === 0 && !canSchedule)) return null;
  const ready = data.consent.allConsented;
  return (
    <Card
      size="small"
      title="调解会议"
      data-testid="sessions"
      extra={
        canSchedule && (
          <Button size="small" onClick={() => setScheduling(true)}>
            安排调解会议
          </Button>
        )
      }
    >
      <ScheduleSessionDialog
        caseId={caseId}
        parties={parties}
        open={scheduling}
        onClose={() => setScheduling(false)}
        onScheduled={reload}
      />
      {data.sessions.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          尚未安排调解会议。线上会议经各方当事人同意后以视频方式进行。
        </Typography.Paragraph>
      )}
      {!ready && data.sessions.some((s) => s.online) && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          视频调解须各方当事人同意在线调解，尚未同意：{data.consent.missing.map((m) => m.name).join('、')}
        </Typography.Paragraph>
      )}
      {data.sessions.length > 0 && (
        <List
          size="small"
          dataSource={data.sessions}
          renderItem={(s) => (
            <List.Item
              key={s.id}
              actions={
                s.online
                  ? [
                      <Button
                        key="call"
                        type="primary"
                        size="small"
                        disabled={!ready}
                        onClick={() => navigate(`work/${caseId}/call/${s.id}`)}
                      >
                        {mediator ? '开始视频调解' : '加入视频调解'}
                      </Button>,
                    ]
                  : []
              }
            >
              <span>
                {fmtDateTime(s.scheduledAt)} <Tag>{s.online ? '线上' : (s.place ?? '线下')}</Tag>
                <Tag color={s.mode === 'caucus' ? 'purple' : 'blue'}>
                  {s.mode === 'caucus' ? '背对背' : '面对面'}
                </Tag>
                {s.record && <Tag color="green">已记录笔录</Tag>}
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
