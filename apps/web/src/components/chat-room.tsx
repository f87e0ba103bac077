import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Empty, Input, Space, Spin, Tag, Typography } from 'antd';
import { useChatRoom } from '../lib/use-chat-room';
import { fmtDateTime, fmtTime, MODE_LABELS, ROLE_LABELS } from '../lib/format';
import type { Schemas } from '../lib/api-types';
import type { SessionMode } from '@tiaojie/socket-events';
import './chat-room.css';

type MessageView = Schemas['MessageView'];
type RoomRef = Schemas['CaseRoomRef'];

interface Props {
  room: RoomRef;
  userId: string;
  /** Parties may not speak in the joint room during back-to-back sessions. */
  isParty: boolean;
  /** The case's current mode when the parent watches the case (overrides the mode seen at join). */
  sessionMode?: SessionMode | null;
  /** height of the message list */
  height?: number | string;
  /** height of the whole room instead (a phone page): the list takes what the notices and the input leave */
  fullHeight?: string;
}

/** Phones have no Enter/Shift+Enter to speak of: a touch screen or a narrow window gets a plain placeholder. */
function usesTouch(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(pointer: coarse), (max-width: 576px)').matches;
}

function Bubble({ m, mine }: { m: MessageView; mine: boolean }) {
  if (m.kind === 'system') {
    return (
      <div className="tj-msg tj-msg-system" data-seq={m.seq} role="note">
        <span>{m.body}</span>
        <time dateTime={m.createdAt}>{fmtTime(m.createdAt)}</time>
      </div>
    );
  }
  return (
    <div className={`tj-msg ${mine ? 'tj-msg-mine' : 'tj-msg-other'}`} data-seq={m.seq}>
      <div className="tj-msg-meta">
        {mine ? '我' : m.senderName}
        {!mine && <Tag className="tj-role-tag">{ROLE_LABELS[m.senderRole] ?? m.senderRole}</Tag>}
        {m.kind === 'minutes' && (
          <Tag className="tj-role-tag" color="gold">
            会议纪要
          </Tag>
        )}
        <time dateTime={m.createdAt} title={fmtDateTime(m.createdAt)}>
          {fmtTime(m.createdAt)}
        </time>
      </div>
      <div className="tj-msg-body">{m.body}</div>
    </div>
  );
}

export function ChatRoom({ room, userId, isParty, sessionMode, height = 420, fullHeight }: Props) {
  const chat = useChatRoom(room.id, userId);
  const [draft, setDraft] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const mode = sessionMode ?? chat.sessionMode;
  const paused = isParty && room.kind === 'joint' && mode === 'caucus';
  const [touch] = useState(usesTouch);

  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [chat.messages.length, chat.pending.length]);

  const submit = () => {
    const body = draft.trim();
    if (!body || paused) return;
    chat.send(body);
    setDraft('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <section
      className={`tj-chat${fullHeight ? ' tj-chat-fill' : ''}`}
      aria-label={room.title}
      style={fullHeight ? { height: fullHeight } : undefined}
    >
      <div className="tj-chat-head">
        <Typography.Text strong>{room.title}</Typography.Text>
        {mode && (
          <Tag color={mode === 'caucus' ? 'purple' : 'blue'} data-testid="room-mode">
            {MODE_LABELS[mode]}
          </Tag>
        )}
      </div>
      {!chat.connected &&
        (chat.everConnected ? (
          <Alert type="warning" showIcon banner title="连接已断开，正在重连…" data-testid="offline-banner" />
        ) : (
          <Alert type="info" showIcon banner title="正在连接…" />
        ))}
      {chat.joinError && <Alert type="error" showIcon banner title={chat.joinError} />}
      {paused && (
        // one line, so the input stays on an 844 px phone screen; the way to the caucus room is at the page top
        <Alert type="info" showIcon banner data-testid="caucus-notice" title="背对背调解中，本室暂停发言" />
      )}
      <div
        className="tj-chat-list"
        ref={listRef}
        style={fullHeight ? undefined : { height }}
        role="log"
        aria-live="polite"
        aria-label="消息记录"
      >
        {!chat.joined && chat.messages.length === 0 && chat.connected && !chat.joinError && (
          <div className="tj-center">
            <Spin />
          </div>
        )}
        {chat.joined && chat.messages.length === 0 && chat.pending.length === 0 && (
          <Empty description="暂无消息" />
        )}
        {chat.messages.map((m) => (
          <Bubble key={m.seq} m={m} mine={m.senderId === userId} />
        ))}
        {chat.pending.map((p) => (
          <div key={p.clientMsgId} className="tj-msg tj-msg-mine tj-msg-pending" data-pending="true">
            <div className="tj-msg-meta">
              我 ·{' '}
              {p.failed ? <Typography.Text type="danger">发送失败：{p.failed}</Typography.Text> : '发送中…'}
            </div>
            <div className="tj-msg-body">{p.body}</div>
            {p.failed && (
              <Space size="small">
                <Button size="small" onClick={() => chat.retry(p.clientMsgId)}>
                  重试
                </Button>
                <Button size="small" onClick={() => chat.discard(p.clientMsgId)}>
                  删除
                </Button>
              </Space>
            )}
          </div>
        ))}
      </div>
      <div className="tj-chat-input">
        <label htmlFor={`msg-${room.id}`} className="tj-sr-only">
          输入消息
        </label>
        <Input.TextArea
          id={`msg-${room.id}`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={5000}
          placeholder={
            paused
              ? '背对背调解期间暂停发言'
              : touch
                ? '输入消息'
                : '输入消息，按 Enter 发送，Shift+Enter 换行'
          }
          disabled={paused}
        />
        <Button type="primary" onClick={submit} disabled={paused || !draft.trim()}>
          发送
        </Button>
      </div>
    </section>
  );
}
