import { useState } from 'react';
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { apiDownload, errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useAsync } from '../../lib/use-async';
import { PageState } from '../../components/page-state';

/** 年度报告: the report's text for a year, and the XLSX / PDF downloads (district admin). */
export function AnnualReportCard({ years, initial }: { years: number[]; initial: number }) {
  const { message } = App.useApp();
  const [year, setYear] = useState(initial);
  const [busy, setBusy] = useState<string | null>(null);
  const report = useAsync(
    () => unwrap(apiClient.GET('/api/stats/reports/{year}', { params: { path: { year: String(year) } } })),
    [year],
  );
  const download = async (ext: 'xlsx' | 'pdf') => {
    setBusy(ext);
    try {
      await apiDownload(`/stats/reports/${year}/report.${ext}`, `${year}年度矛盾纠纷多元化解工作统计.${ext}`);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };
  const text = report.data ? (Array.isArray(report.data.text) ? report.data.text : [report.data.text]) : [];
  return (
    <Card
      size="small"
      title="年度报告"
      data-testid="annual-report"
      extra={
        <Space wrap>
          <label htmlFor="report-year">报告年度</label>
          <Select
            id="report-year"
            value={year}
            onChange={setYear}
            style={{ width: 100 }}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          />
          <Button loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
            下载 XLSX
          </Button>
          <Button loading={busy === 'pdf'} onClick={() => void download('pdf')}>
            下载 PDF
          </Button>
        </Space>
      }
    >
      <PageState
        loading={report.loading}
        error={report.error}
        hasData={!!report.data}
        onRetry={report.reload}
      >
        {text.map((p, i) => (
          <Typography.Paragraph key={i} style={{ marginBottom: 8 }}>
            {p}
          </Typography.Paragraph>
        ))}
      </PageState>
    </Card>
  );
}
