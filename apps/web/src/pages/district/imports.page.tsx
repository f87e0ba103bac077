import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Progress, Table, Tag, Typography, Upload } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { fmtDateTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useSocketEvent } from '../../lib/use-socket';
import { PageState } from '../../components/page-state';
import { DuplicateReviewCard } from './duplicate-review-card';
import { ImportErrors } from './import-errors';
import { UnknownStreets } from './unknown-streets';
import type { Schemas } from '../../lib/api-types';
import type { ImportProgressEvent as ImportProgress } from '@tiaojie/socket-events';
import { PageTitle } from '../../components/page-title';

type SessionUser = Schemas['SignedInUser'];
type ImportRun = Schemas['ImportRun'];
type ImportSummary = Schemas['ImportSummary'];

export const FORMAT_LABELS: Record<string, string> = {
  'work-order': '12345 工单',
  'grid-report': '网格上报',
  'court-referral': '法院诉前委派',
};
const STATUS: Record<string, { color: string; label: string }> = {
  running: { color: 'processing', label: '导入中' },
  completed: { color: 'success', label: '已完成' },
  failed: { color: 'error', label: '失败' },
};

function Counters({
  p,
}: {
  p: Pick<ImportProgress, 'rows' | 'created' | 'updated' | 'unchanged' | 'rejected'>;
}) {
  return (
    <Typography.Text type="secondary">
      已读取 {p.rows} 行：新增 {p.created}，更新 {p.updated}，未变化 {p.unchanged}，拒绝 {p.rejected}
    </Typography.Text>
  );
}

/** 数据导入: upload a 12345 / grid / court export; progress arrives over the socket ('import:progress'); runs and error reports. */
export function ImportsPage(_props: { user: SessionUser }) {
  const runs = useAsync(
    () => unwrap(apiClient.GET('/api/intake/imports', { params: { query: { limit: '50' } } })),
    [],
  );
  const [file, setFile] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ImportRun | null>(null);
  const [imported, setImported] = useState(0);
  useSocketEvent('import:progress', (p) => {
    if (file && p.file === file) setProgress(p);
  });

  const upload = async (f: File) => {
    setFile(f.name);
    setProgress(null);
    setResult(null);
    setError(null);
    const form = new FormData();
    form.append('file', f, f.name);
    try {
      setResult(
        await unwrap(
          apiClient.POST('/api/intake/imports', {
            // the document does not describe the multipart body: the FormData goes out as it is
            body: form as never,
            bodySerializer: (b: unknown) => b as FormData,
          }),
        ),
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setFile(null);
      setImported((n) => n + 1);
      void runs.reload();
    }
  };

  const pct = progress?.total ? Math.min(99, Math.round((progress.rows / progress.total) * 100)) : undefined;
  return (
    <div className="tj-stack">
      <PageTitle>数据导入</PageTitle>
      <Card size="small" title="上传导出文件">
        {/* while a file imports the drop zone is inactive (greyed): said so to assistive technology as well */}
        <div aria-disabled={file ? 'true' : undefined}>
          <Upload.Dragger
            accept=".csv,.xlsx"
            multiple={false}
            showUploadList={false}
            disabled={!!file}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
            aria-label="选择导入文件"
          >
            <p style={{ fontSize: 16, margin: '8px 0' }}>点击或拖拽文件到此处上传</p>
            <p className="tj-muted" style={{ margin: 0 }}>
              支持 12345 工单（GB18030 CSV）、网格上报（UTF-8
              CSV）和法院诉前委派案件（XLSX），自动识别格式；重复导入不会重复计数。
            </p>
          </Upload.Dragger>
        </div>
        {file && (
          <div style={{ marginTop: 12 }} data-testid="import-progress" aria-live="polite">
            <Typography.Text>
              正在导入 {file}
              {progress?.format ? `（${FORMAT_LABELS[progress.format] ?? progress.format}）` : ''}…
            </Typography.Text>
            <Progress aria-label="导入进度" percent={pct ?? 0} status="active" showInfo={pct !== undefined} />
            {progress ? (
              <Counters p={progress} />
            ) : (
              <Typography.Text type="secondary">正在上传文件…</Typography.Text>
            )}
          </div>
        )}
        {error && (
          <Alert type="error" showIcon title="导入失败" description={error} style={{ marginTop: 12 }} />
        )}
        {result && (
          <div className="tj-stack" style={{ marginTop: 12 }} data-testid="import-result">
            <Alert
              type={result.rejected.length ? 'warning' : 'success'}
              showIcon
              title={`${result.file} 导入完成（${FORMAT_LABELS[result.format] ?? result.format}），用时 ${(result.durationMs / 1000).toFixed(1)} 秒`}
            />
            <Progress aria-label="导入进度" percent={100} />
            <Descriptions
              size="small"
              bordered
              column={{ xs: 2, md: 4 }}
              items={[
                { key: 'rows', label: '数据行', children: result.rows },
                { key: 'c', label: '新增', children: result.created },
                { key: 'u', label: '更新', children: result.updated },
                { key: 'n', label: '未变化（重复推送）', children: result.unchanged },
                { key: 'r', label: '拒绝', children: result.rejected.length },
                { key: 'd', label: '生成纠纷案件', children: result.disputesCreated },
                { key: 'l', label: '跨渠道合并', children: result.linked },
                { key: 'q', label: '待人工核对重复', children: result.queuedForReview },
              ]}
            />
            <ImportErrors runId={result.runId} rejected={result.rejected.length} />
          </div>
        )}
      </Card>
      <UnknownStreets reloadKey={imported} />
      <Card
        size="small"
        title="导入记录"
        extra={
          <Button size="small" onClick={() => void runs.reload()}>
            刷新
          </Button>
        }
      >
        <PageState loading={runs.loading} error={runs.error} hasData={!!runs.data} onRetry={runs.reload}>
          <Table<ImportRun>
            rowKey="id"
            size="small"
            dataSource={runs.data ?? []}
            scroll={{ x: 980 }}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: <Empty description="暂无导入记录" /> }}
            columns={[
              { title: '文件', dataIndex: 'file', ellipsis: true },
              {
                title: '格式',
                dataIndex: 'format',
                width: 120,
                render: (v: string | null) => (v ? (FORMAT_LABELS[v] ?? v) : '未识别'),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (v: string, r) => (
                  <Tag color={STATUS[v]?.color} title={r.errorMessage ?? undefined}>
                    {STATUS[v]?.label ?? v}
                  </Tag>
                ),
              },
              { title: '行数', dataIndex: 'rows', width: 70 },
              {
                title: '新增/更新/未变',
                key: 'cnt',
                width: 130,
                render: (_: unknown, r) => `${r.created} / ${r.updated} / ${r.unchanged}`,
              },
              { title: '拒绝', dataIndex: 'rejected', width: 70 },
              { title: '纠纷', dataIndex: 'disputesCreated', width: 70 },
              {
                title: '开始时间',
                dataIndex: 'startedAt',
                width: 150,
                render: (v: string) => fmtDateTime(v),
              },
              {
                title: '操作',
                key: 'op',
                width: 100,
                render: (_: unknown, r) => (
                  <Button size="small" onClick={() => setSelected(r)} disabled={r.status === 'running'}>
                    错误报告
                  </Button>
                ),
              },
            ]}
          />
        </PageState>
        {selected && (
          <Card
            size="small"
            type="inner"
            style={{ marginTop: 12 }}
            title={`错误报告：${selected.file}（${fmtDateTime(selected.startedAt)}）`}
            extra={
              <Button size="small" type="link" onClick={() => setSelected(null)}>
                关闭
              </Button>
            }
          >
            {selected.errorMessage && (
              <Alert type="error" showIcon title={selected.errorMessage} style={{ marginBottom: 12 }} />
            )}
            <ImportErrors runId={selected.id} rejected={selected.rejected} />
          </Card>
        )}
      </Card>
      <DuplicateReviewCard />
    </div>
  );
}
