import { useState } from 'react';
import { App, Button, Card, Typography } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import { errorText } from '../../lib/api-client';
import { fmtDateTime } from '../../lib/format';
import { navigate } from '../../lib/router';
import type { Schemas } from '../../lib/api-types';

type SessionList = Schemas['SessionList'];

/**
 * 视频调解 on the tracker: the case's online sessions; once every party consented to online mediation, each has
 * 进入视频调解 (a party who has not yet consented can do so here).
 */
export function CallSessionsCard({
  caseId,
  sessions,
  ownPartyIds,
  onChanged,
}: {
  caseId: string;
  sessions: SessionList;
  ownPartyIds: string[];
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const online = sessions.sessions.filter((s) => s.online);
  if (online.length === 0) return null;
  const { consent } = sessions;
  const mineMissing = consent.missing.some((m) => ownPartyIds.includes(m.partyId));
  const agree = async () => {
    setBusy(true);
    try {
      await unwrap(apiClient.POST('/api/cases/{id}/consents/online', { params: { path: { id: caseId } } }));
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="视频调解" data-testid="call-sessions">
      {!consent.allConsented && (
        <Typography.Paragraph type="secondary">
          线上视频调解须各方当事人同意。尚未同意：{consent.missing.map((m) => m.name).join('、')}
        </Typography.Paragraph>
      )}
      {mineMissing && (
        <Button block loading={busy} onClick={() => void agree()} style={{ marginBottom: 8 }}>
          同意在线调解
        </Button>
      )}
      {/* plain markup: antd's List would add its pagination to the tracker's script */}
      {online.map((s) => (
        <div key={s.id} className="tj-call-session">
          <Typography.Text>
            {fmtDateTime(s.scheduledAt)} · {s.mode === 'caucus' ? '背对背' : '面对面'}
          </Typography.Text>
          {consent.allConsented && (
            <Button
              type="primary"
              block
              size="large"
              style={{ marginTop: 8 }}
              onClick={() => navigate(`cases/${caseId}/call/${s.id}`)}
            >
              进入视频调解
            </Button>
          )}
        </div>
      ))}
    </Card>
  );
}
