import { useState } from 'react';
import { App, Button, Empty, Popconfirm, Segmented, Space, Typography } from 'antd';
import { ApiError, apiPost, errorText } from '../../lib/api-client';
import type { CaseActionPath } from '../../lib/typed-api';
import { ACTION_LABELS, MODE_LABELS } from '../../lib/format';
import type { Schemas } from '../../lib/api-types';
import { AgreementEditor } from './agreement-editor';
import { ReasonDialog, ReturnDialog } from './action-dialogs';
import { AssignDialog } from './assign-dialog';
import { ManualRouteDialog } from '../district/manual-route-dialog';
import { EnforcementDialog } from '../../components/enforcement-dialog';

type CaseDetail = Schemas['CaseDetail'];
type CaseSummary = Schemas['CaseListItem'];
type Lifecycle = Schemas['Lifecycle'];
type SessionUser = Schemas['SignedInUser'];

/** Transitions the api fires through POST /cases/:id/transitions/:action. */
const SIMPLE = [
  'start_mediation',
  'record_failure',
  'terminate',
  'close',
  'request_confirmation',
  'start_performance',
  'record_performed',
  'record_breach',
  'confirm',
  'reject_confirmation',
  'receive_enforcement',
];
const WITH_DIALOG = [
  'accept',
  'return',
  'assign_mediator',
  'draft_agreement',
  'manual_route',
  'apply_enforcement',
];

type Dialog =
  | 'return'
  | 'assign_mediator'
  | 'draft_agreement'
  | 'manual_route'
  | 'apply_enforcement'
  | { reasonFor: string }
  | null;

/**
 * The buttons for `availableActions`; every request carries the version from the latest detail. A write's answer goes
 * to `onChanged`, so the page holds the version it produced before its refetch returns.
 */
export function CaseActions({
  detail,
  lifecycle,
  me,
  onChanged,
}: {
  detail: CaseDetail;
  lifecycle: Lifecycle | null;
  me: SessionUser;
  onChanged: (written?: CaseSummary) => Promise<unknown>;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const label = (a: string) =>
    ACTION_LABELS[a] ?? lifecycle?.transitions.find((t) => t.action === a)?.label ?? a;
  const needsReason = (a: string) => !!lifecycle?.transitions.find((t) => t.action === a)?.requiresReason;

  const run = async (
    action: string,
    path: CaseActionPath,
    body: Record<string, unknown> = {},
  ): Promise<boolean> => {
    setBusy(action);
    try {
      const written = await apiPost<CaseSummary>(`/cases/${detail.id}/${path}`, {
        version: detail.version,
        ...body,
      });
      message.success(`${label(action)}：操作成功`);
      await onChanged(written);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        message.warning('案件已被他人更新，已为您刷新最新信息，请核对后重试');
        await onChanged();
      } else {
        message.error(errorText(err));
      }
      return false;
    } finally {
      setBusy(null);
    }
  };

  const actions = detail.availableActions.filter(
    (a) => a !== 'switch_mode' && (SIMPLE.includes(a) || WITH_DIALOG.includes(a)),
  );
  const canSwitch = detail.availableActions.includes('switch_mode');

  return (
    <div className="tj-stack">
      {canSwitch && (
        <div>
          <Typography.Text id="mode-label">调解方式：</Typography.Text>
          <Segmented
            aria-labelledby="mode-label"
            data-testid="mode-switch"
            value={detail.sessionMode}
            disabled={busy !== null}
            onChange={(mode) => void run('switch_mode', 'mode', { mode })}
            options={[
              { value: 'joint', label: '面对面' },
              { value: 'caucus', label: '背对背' },
            ]}
          />
          <div>
            <Typography.Text type="secondary">当前：{MODE_LABELS[detail.sessionMode]}</Typography.Text>
          </div>
        </div>
      )}
      {actions.length === 0 && !canSwitch && (
        <Empty description="当前状态下没有可执行的操作" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      <Space wrap>
        {actions.map((a) => {
          const primary = [
            'accept',
            'start_mediation',
            'draft_agreement',
            'confirm',
            'manual_route',
            'receive_enforcement',
          ].includes(a);
          if (a === 'accept') {
            return (
              <Button key={a} type="primary" loading={busy === a} onClick={() => void run(a, 'accept')}>
                {label(a)}
              </Button>
            );
          }
          if (
            a === 'return' ||
            a === 'assign_mediator' ||
            a === 'draft_agreement' ||
            a === 'manual_route' ||
            a === 'apply_enforcement'
          ) {
            return (
              <Button key={a} type={primary ? 'primary' : 'default'} onClick={() => setDialog(a)}>
                {label(a)}
              </Button>
            );
          }
          if (needsReason(a)) {
            return (
              <Button key={a} danger={a !== 'record_breach'} onClick={() => setDialog({ reasonFor: a })}>
                {label(a)}
              </Button>
            );
          }
          return (
            <Popconfirm
              key={a}
              title={`确认${label(a)}？`}
              okText="确认"
              cancelText="取消"
              onConfirm={() => run(a, `transitions/${a}`)}
            >
              <Button type={primary ? 'primary' : 'default'} loading={busy === a}>
                {label(a)}
              </Button>
            </Popconfirm>
          );
        })}
      </Space>

      <ReturnDialog
        open={dialog === 'return'}
        onClose={() => setDialog(null)}
        busy={busy === 'return'}
        reasons={lifecycle?.returnReasons ?? {}}
        onSubmit={(v) => run('return', 'return', v)}
      />
      <AssignDialog
        open={dialog === 'assign_mediator'}
        onClose={() => setDialog(null)}
        busy={busy === 'assign_mediator'}
        caseId={detail.id}
        me={me}
        onSubmit={(v) => run('assign_mediator', 'assign', v)}
      />
      <AgreementEditor
        open={dialog === 'draft_agreement'}
        onClose={() => setDialog(null)}
        busy={busy === 'draft_agreement'}
        current={detail.agreement}
        onSubmit={(v) => run('draft_agreement', 'agreement', v)}
      />
      <ManualRouteDialog
        open={dialog === 'manual_route'}
        onClose={() => setDialog(null)}
        busy={busy === 'manual_route'}
        category={detail.category}
        categoryLabel={detail.categoryLabel}
        why={detail.routing?.why}
        onSubmit={(v) => run('manual_route', 'route', v)}
      />
      <EnforcementDialog
        open={dialog === 'apply_enforcement'}
        onClose={() => setDialog(null)}
        busy={busy === 'apply_enforcement'}
        onSubmit={(v) => run('apply_enforcement', 'enforcement', v)}
      />
      <ReasonDialog
        open={typeof dialog === 'object' && dialog !== null}
        onClose={() => setDialog(null)}
        busy={typeof dialog === 'object' && dialog !== null && busy === dialog.reasonFor}
        title={typeof dialog === 'object' && dialog !== null ? label(dialog.reasonFor) : ''}
        onSubmit={(v) =>
          typeof dialog === 'object' && dialog !== null
            ? run(dialog.reasonFor, `transitions/${dialog.reasonFor}`, v)
            : Promise.resolve(false)
        }
      />
    </div>
  );
}
