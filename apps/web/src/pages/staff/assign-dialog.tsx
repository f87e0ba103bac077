import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Spin, Typography } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import type { Schemas } from '../../lib/api-types';

type MediatorProposal = Schemas['MediatorProposal'];
type SessionUser = Schemas['SignedInUser'];

interface Props {
  open: boolean;
  caseId: string;
  me: SessionUser;
  busy: boolean;
  onClose: () => void;
  onSubmit: (v: { mediatorId: string }) => Promise<boolean>;
}

/**
 * 指派调解员: a mediator takes the case themself; a body admin picks from the body's mediators as ranked by
 * GET /cases/:id/mediator-proposal, or (when that is unavailable) enters a mediator's user id.
 */
export function AssignDialog({ open, caseId, me, busy, onClose, onSubmit }: Props) {
  const [form] = Form.useForm<{ mediatorId: string }>();
  const [proposal, setProposal] = useState<MediatorProposal | null>(null);
  const [loading, setLoading] = useState(false);
  const isMediator = me.role === 'mediator';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (isMediator) return;
    setLoading(true);
    unwrap(apiClient.GET('/api/cases/{id}/mediator-proposal', { params: { path: { id: caseId } } }))
      .then((p) => {
        setProposal(p);
        if (p.mediatorId) form.setFieldValue('mediatorId', p.mediatorId);
      })
      .catch(() => setProposal(null))
      .finally(() => setLoading(false));
  }, [open, caseId, isMediator, form]);

  const submit = async (v: { mediatorId: string }) => {
    if (await onSubmit({ mediatorId: v.mediatorId.trim() })) onClose();
  };
  const candidates = proposal?.candidates ?? [];

  return (
    <Modal title="指派调解员" open={open} onCancel={onClose} footer={null} destroyOnHidden>
      {isMediator ? (
        <>
          <Typography.Paragraph>
            由您（{me.displayName}）承办本案。调解员只能指派自己，如需指派他人请联系本组织管理员。
          </Typography.Paragraph>
          <Button type="primary" block loading={busy} onClick={() => void submit({ mediatorId: me.id })}>
            指派给我自己
          </Button>
        </>
      ) : loading ? (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin />
        </div>
      ) : (
        <Form form={form} layout="vertical" name="assign" onFinish={submit}>
          {proposal?.explanation?.zh && (
            <Alert type="info" showIcon title={proposal.explanation.zh} style={{ marginBottom: 12 }} />
          )}
          {candidates.length > 0 ? (
            <Form.Item label="调解员" name="mediatorId" rules={[{ required: true, message: '请选择调解员' }]}>
              <Select
                placeholder="请选择本组织的调解员"
                options={candidates.map((c) => ({
                  value: c.mediatorId,
                  disabled: c.exclusions.length > 0,
                  label: `${c.name}${c.specialtyMatch ? '（专长匹配）' : ''} · 在办 ${c.openCases} 件${c.exclusions.length ? ` · ${c.exclusions.map((x) => x.zh).join('、')}` : ''}`,
                }))}
              />
            </Form.Item>
          ) : (
            <Form.Item
              label="调解员编号"
              name="mediatorId"
              extra="未能获取本组织调解员名单，请输入调解员的用户编号"
              rules={[
                { required: true, message: '请输入调解员编号' },
                { pattern: /^\s*[0-9a-f-]{36}\s*$/i, message: '调解员编号格式不正确' },
              ]}
            >
              <Input placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            确认指派
          </Button>
        </Form>
      )}
    </Modal>
  );
}
