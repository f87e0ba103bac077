import { useState } from 'react';
import { App, Button, List, Modal, Select, Typography } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useAsync } from '../../lib/use-async';

/** 邀请法官/工作人员: the assigned mediator invites a judge (法官在线指导) or an official (府院联动) into the call. */
export function InviteButton({ caseId, sessionId }: { caseId: string; sessionId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button block style={{ marginTop: 8 }} onClick={() => setOpen(true)}>
        邀请法官或工作人员
      </Button>
      {open && <InviteDialog caseId={caseId} sessionId={sessionId} onClose={() => setOpen(false)} />}
    </>
  );
}

function InviteDialog({
  caseId,
  sessionId,
  onClose,
}: {
  caseId: string;
  sessionId: string;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const path = { id: caseId, sessionId };
  const staff = useAsync(
    () => unwrap(apiClient.GET('/api/cases/{id}/sessions/{sessionId}/call-invitees', { params: { path } })),
    [caseId, sessionId],
  );
  const invited = useAsync(
    () =>
      unwrap(apiClient.GET('/api/cases/{id}/sessions/{sessionId}/call-invitations', { params: { path } })),
    [caseId, sessionId],
  );
  const [userId, setUserId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const invite = async () => {
    if (!userId) return;
    setBusy(true);
    try {
      await unwrap(
        apiClient.POST('/api/cases/{id}/sessions/{sessionId}/call-invitations', {
          params: { path },
          body: { userId },
        }),
      );
      message.success('已发出邀请');
      setUserId(null);
      void invited.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="邀请参加视频调解"
      onCancel={onClose}
      footer={
        <Button type="primary" loading={busy} disabled={!userId} onClick={() => void invite()}>
          发送邀请
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        可邀请法官在线指导，或邀请行政机关工作人员参加府院联动调解。
      </Typography.Paragraph>
      <label htmlFor="invitee" className="tj-sr-only">
        被邀请人
      </label>
      <Select
        id="invitee"
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        placeholder="选择法官或工作人员"
        loading={staff.loading}
        value={userId}
        onChange={setUserId}
        options={(staff.data?.staff ?? []).map((s) => ({
          value: s.id,
          label: `${s.name}（${s.roleLabel}）`,
        }))}
        notFoundContent={staff.error ?? '暂无可邀请的人员'}
      />
      <List
        style={{ marginTop: 12 }}
        size="small"
        header="已邀请"
        dataSource={invited.data?.invitations ?? []}
        locale={{ emptyText: '尚未邀请' }}
        renderItem={(i) => (
          <List.Item key={i.userId}>
            {i.name}（{i.roleLabel}）
          </List.Item>
        )}
      />
    </Modal>
  );
}
