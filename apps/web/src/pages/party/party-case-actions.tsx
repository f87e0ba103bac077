import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Radio, Space, Typography } from 'antd';
import { ApiError, apiPost, errorText } from '../../lib/api-client';
import type { CaseActionPath } from '../../lib/typed-api';
import type { Schemas } from '../../lib/api-types';
import { EnforcementDialog } from '../../components/enforcement-dialog';

type CaseStatusView = Schemas['CaseStatusView'];

const RATEABLE_AFTER = [
  'received',
  'routed',
  'returned',
  'district_queue',
  'accepted',
  'in_mediation',
  'agreement_pending',
];
const RATINGS = ['满意', '基本满意', '不满意'];

/** The party's own actions on the tracker: 撤回申请 (applicant), 申请司法确认 (jointly), 申请强制执行, 评价服务 (after mediation ends). */
export function PartyCaseActions({
  id,
  version,
  status,
  onChanged,
}: {
  id: string;
  version: number;
  status: CaseStatusView;
  onChanged: () => Promise<unknown>;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [enforcing, setEnforcing] = useState(false);
  const [applied, setApplied] = useState(false);
  const [rated, setRated] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [rateForm] = Form.useForm<{ rating: string; comment?: string }>();

  const call = async (
    key: string,
    path: CaseActionPath,
    body: Record<string, unknown>,
    ok: string,
  ): Promise<boolean> => {
    setBusy(key);
    try {
      await apiPost(`/cases/${id}/${path}`, body);
      message.success(ok);
      await onChanged();
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        message.warning('案件状态已更新，已为您刷新，请核对后重试');
        await onChanged();
      } else message.error(errorText(err));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const canWithdraw = status.availableActions.includes('withdraw');
  const canApply = status.availableActions.includes('request_confirmation');
  const canEnforce = status.availableActions.includes('apply_enforcement');
  const canRate = !RATEABLE_AFTER.includes(status.status);
  if (!canWithdraw && !canApply && !canEnforce && !canRate) return null;

  return (
    <Card size="small" title="我的操作">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {canApply &&
          (applied ? (
            <Alert type="info" showIcon title="您已申请司法确认，待其他当事人共同申请后提交人民法院审查。" />
          ) : (
            <Popconfirm
              title="申请司法确认？"
              description="司法确认须由双方当事人在协议生效后 30 日内共同申请。"
              okText="申请"
              cancelText="取消"
              onConfirm={async () => {
                if (await call('apply', 'confirmation/apply', { version }, '已提交司法确认申请'))
                  setApplied(true);
              }}
            >
              <Button block type="primary" loading={busy === 'apply'}>
                申请司法确认
              </Button>
            </Popconfirm>
          ))}
        {canEnforce && (
          <Button block type="primary" onClick={() => setEnforcing(true)}>
            申请强制执行
          </Button>
        )}
        {canRate &&
          (rated ? (
            <Alert type="success" showIcon title={`感谢您的评价：${rated}`} data-testid="rating-done" />
          ) : (
            <Form
              form={rateForm}
              layout="vertical"
              name="rating"
              onFinish={async (v) => {
                if (
                  await call(
                    'rate',
                    'rating',
                    { rating: v.rating, comment: v.comment?.trim() || undefined },
                    '评价已提交',
                  )
                )
                  setRated(v.rating);
              }}
            >
              <Form.Item
                label="对本次调解服务的评价"
                name="rating"
                rules={[{ required: true, message: '请选择评价' }]}
              >
                <Radio.Group optionType="button" options={RATINGS.map((r) => ({ value: r, label: r }))} />
              </Form.Item>
              <Form.Item
                label="意见和建议（选填）"
                name="comment"
                rules={[{ max: 1000, message: '不能超过 1000 字' }]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
              <Button htmlType="submit" block loading={busy === 'rate'}>
                提交评价
              </Button>
            </Form>
          ))}
        {canWithdraw && (
          <Button
            block
            danger
            onClick={() => {
              form.resetFields();
              setWithdrawing(true);
            }}
          >
            撤回申请
          </Button>
        )}
      </Space>
      <EnforcementDialog
        open={enforcing}
        onClose={() => setEnforcing(false)}
        busy={busy === 'enforce'}
        onSubmit={(v) =>
          call('enforce', 'enforcement', { version, ...v }, '已提交强制执行申请，已移送人民法院')
        }
      />
      <Modal
        title="撤回调解申请"
        open={withdrawing}
        onCancel={() => setWithdrawing(false)}
        okText="确认撤回"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={busy === 'withdraw'}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>撤回后本次调解程序终止，您仍可通过其他途径解决纠纷。</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          name="withdraw"
          onFinish={async (v) => {
            if (
              await call(
                'withdraw',
                'transitions/withdraw',
                { version, reason: v.reason.trim() },
                '申请已撤回',
              )
            )
              setWithdrawing(false);
          }}
        >
          <Form.Item
            label="撤回原因"
            name="reason"
            rules={[
              { required: true, whitespace: true, message: '请填写撤回原因' },
              { max: 1000, message: '不能超过 1000 字' },
            ]}
          >
            <Input.TextArea rows={3} placeholder="如：双方已自行和解" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
