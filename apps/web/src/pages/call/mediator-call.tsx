import { useState } from 'react';
import { App, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import type { CallEngine } from '../../lib/call-engine';
import type { CallSnapshot } from '../../lib/call-types';
import type { Schemas } from '../../lib/api-types';
import { apiClient, unwrap } from '../../lib/typed-api';
import { errorText } from '../../lib/api-client';
import { ChatRoom } from '../../components/chat-room';
import { RecordingBar } from './call-controls';
import { CallMedia } from './call-media';
import { InviteButton } from './invite-dialog';
import { PeerTags } from './video-tile';
import { Heading } from '../../components/page-title';

type CaseDetail = Schemas['CaseDetail'];

/** The mediator's desktop call: videos, caucus controls, participants, recording, invitations, notes, the chat. */
export function MediatorCall({
  engine,
  snap,
  userId,
  speakerId,
  detail,
  sessionId,
  initialNotes,
  canSwitch,
  onLeave,
}: {
  engine: CallEngine;
  snap: CallSnapshot;
  userId: string;
  speakerId: string | null;
  detail: CaseDetail;
  sessionId: string;
  initialNotes: string;
  /** The assigned mediator switches modes and invites; invited staff only watch and speak. */
  canSwitch: boolean;
  onLeave: () => void;
}) {
  const { message } = App.useApp();
  const [switching, setSwitching] = useState<string | null>(null);
  const [notes, setNotes] = useState(initialNotes);
  const [saving, setSaving] = useState(false);
  const withParty = detail.parties.find((p) => p.id === snap.with);
  const chatRoom =
    (snap.mode === 'caucus' && detail.rooms.find((r) => r.kind === 'caucus' && r.partyId === snap.with)) ||
    detail.rooms.find((r) => r.kind === 'joint');

  const switchTo = async (key: string, mode: 'joint' | 'caucus', withId?: string) => {
    setSwitching(key);
    const err = await engine.setMode(mode, withId);
    setSwitching(null);
    if (err) message.error(err);
  };
  const saveNotes = async () => {
    setSaving(true);
    try {
      await unwrap(
        apiClient.POST('/api/cases/{id}/sessions/{sessionId}/record', {
          params: { path: { id: detail.id, sessionId } },
          body: { record: notes },
        }),
      );
      message.success('笔录已保存');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="tj-call-desk">
      <section className="tj-call-main" aria-label="视频调解">
        <div className="tj-call-head">
          <Heading level={2} look={5} style={{ margin: 0 }}>
            {detail.title} · 视频调解
          </Heading>
          <Tag color={snap.mode === 'caucus' ? 'purple' : 'blue'} data-testid="call-mode">
            {snap.mode === 'caucus' ? `背对背 · ${withParty?.name ?? ''}` : '面对面'}
          </Tag>
        </div>
        <CallMedia engine={engine} snap={snap} speakerId={speakerId} onLeave={onLeave} />
        {canSwitch && (
          <div className="tj-call-modes" role="group" aria-label="调解方式">
            {detail.parties.map((p) => (
              <Button
                key={p.id}
                loading={switching === p.id}
                type={snap.mode === 'caucus' && snap.with === p.id ? 'primary' : 'default'}
                onClick={() => void switchTo(p.id, 'caucus', p.id)}
              >
                与{p.name}背对背
              </Button>
            ))}
            <Button
              loading={switching === 'joint'}
              type={snap.mode === 'joint' ? 'primary' : 'default'}
              onClick={() => void switchTo('joint', 'joint')}
            >
              回到面对面
            </Button>
          </div>
        )}
      </section>
      <aside className="tj-call-side" aria-label="调解信息">
        <Card size="small" title="参与人">
          <RecordingBar engine={engine} snap={snap} userId={userId} />
          <List
            size="small"
            data-testid="participants"
            dataSource={snap.peers}
            locale={{ emptyText: '其他参与人尚未加入' }}
            renderItem={(p) => (
              <List.Item key={p.peerId} data-testid="participant">
                <Space size={4} wrap>
                  <span>{p.name}</span>
                  <Typography.Text type="secondary">{p.label}</Typography.Text>
                </Space>
                <span>
                  <PeerTags peer={p} />
                </span>
              </List.Item>
            )}
          />
          {canSwitch && <InviteButton caseId={detail.id} sessionId={sessionId} />}
        </Card>
        {canSwitch && (
          <Card size="small" title="调解笔录">
            <label htmlFor="call-notes" className="tj-sr-only">
              调解笔录
            </label>
            <Input.TextArea
              id="call-notes"
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              autoSize={{ minRows: 3, maxRows: 6 }}
              maxLength={20000}
              placeholder="记录本次调解的要点，保存后写入调解笔录"
            />
            <Button
              style={{ marginTop: 8 }}
              loading={saving}
              disabled={!notes.trim()}
              onClick={() => void saveNotes()}
            >
              保存笔录
            </Button>
          </Card>
        )}
        {chatRoom && (
          <ChatRoom
            key={chatRoom.id}
            room={chatRoom}
            userId={userId}
            isParty={false}
            sessionMode={snap.mode}
            height={220}
          />
        )}
      </aside>
    </div>
  );
}
