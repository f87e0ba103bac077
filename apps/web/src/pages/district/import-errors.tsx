import { useState } from 'react';
import { App, Button, Empty, Space, Table, Typography } from 'antd';
import { apiBlob, apiDownload, errorText } from '../../lib/api-client';
import { parseCsv } from '../../lib/csv';
import { useAsync } from '../../lib/use-async';
import { PageState } from '../../components/page-state';

const PREVIEW = 100;

/** A run's error report (errors.csv: 行号, 列, 原因代码, 原因, 来源编号, 全部问题): the first rows on screen, the whole file as a download. */
export function ImportErrors({ runId, rejected }: { runId: string; rejected: number }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const csv = useAsync(async () => {
    if (rejected === 0) return [];
    const { blob } = await apiBlob(`/intake/imports/${runId}/errors.csv`);
    return parseCsv(await blob.text())
      .slice(1)
      .filter((r) => r.length > 1);
  }, [runId, rejected]);

  const download = async () => {
    setBusy(true);
    try {
      await apiDownload(`/intake/imports/${runId}/errors.csv`, `导入错误报告-${runId}.csv`);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (rejected === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有被拒绝的数据行" />;
  const rows = csv.data ?? [];
  return (
    <div className="tj-stack" data-testid="import-errors">
      <Space wrap>
        <Typography.Text>
          共 {rejected} 行未导入{rows.length > PREVIEW ? `，以下显示前 ${PREVIEW} 行` : ''}。
        </Typography.Text>
        <Button size="small" loading={busy} onClick={() => void download()}>
          下载错误报告（CSV）
        </Button>
      </Space>
      <PageState loading={csv.loading} error={csv.error} hasData={!!csv.data} onRetry={csv.reload}>
        <Table<string[]>
          size="small"
          rowKey={(r) => r[0]}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          dataSource={rows.slice(0, PREVIEW)}
          scroll={{ x: 640 }}
          columns={[
            { title: '行号', key: 'line', width: 70, render: (_: unknown, r) => r[0] },
            { title: '列', key: 'col', width: 110, render: (_: unknown, r) => r[1] || '—' },
            { title: '原因', key: 'why', render: (_: unknown, r) => r[5] || r[3] },
            { title: '来源编号', key: 'src', width: 170, render: (_: unknown, r) => r[4] || '—' },
          ]}
        />
      </PageState>
    </div>
  );
}
