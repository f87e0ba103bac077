import { useState } from 'react';
import { App, Button, Empty, Form, Input, Space, Timeline, Typography } from 'antd';
import { apiDownload, errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { fmtDateTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { newId } from '../../lib/uuid';
import { PageState } from '../../components/page-state';

/** 会议纪要: recorded once per clientMsgId (a retry records nothing new); exported as Markdown, CSV or PDF. */
export function LinkageMinutes({ roomId, title }: { roomId: string; title: string }) {
  const { message } = App.useApp();
  const minutes = useAsync(
    () => unwrap(apiClient.GET('/api/rooms/{id}/minutes', { params: { path: { id: roomId } } })),
    [roomId],
  );
  const [form] = Form.useForm<{ body: string }>();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const record = async (v: { body: string }) => {
    const clientMsgId = pendingId ?? newId();
    setPendingId(clientMsgId);
    setBusy('record');
    try {
      await unwrap(
        apiClient.POST('/api/rooms/{id}/minutes', {
          params: { path: { id: roomId } },
          body: { clientMsgId, body: v.body.trim() },
        }),
      );
      setPendingId(null);
      form.resetFields();
      message.success('纪要已记录');
      await minutes.reload();
    } catch (err) {
      message.error(`${errorText(err)}（可直接重试，不会重复记录）`);
    } finally {
      setBusy(null);
    }
  };
  const exportAs = async (format: 'md' | 'csv' | 'pdf') => {
    setBusy(format);
    try {
      await apiDownload(`/rooms/${roomId}/minutes/export?format=${format}`, `${title}-会议纪要.${format}`);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="tj-stack">
      <Space wrap>
        <span className="tj-muted">导出纪要：</span>
        <Button size="small" loading={busy === 'md'} onClick={() => void exportAs('md')}>
          Markdown
        </Button>
        <Button size="small" loading={busy === 'csv'} onClick={() => void exportAs('csv')}>
          CSV
        </Button>
        <Button size="small" loading={busy === 'pdf'} onClick={() => void exportAs('pdf')}>
          PDF
        </Button>
      </Space>
      <PageState
        loading={minutes.loading}
        error={minutes.error}
        hasData={!!minutes.data}
        onRetry={minutes.reload}
      >
        {(minutes.data ?? []).length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无会议纪要" />
        ) : (
          <Timeline
            items={(minutes.data ?? []).map((m) => ({
              key: m.id,
              content: (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.senderName} · <time dateTime={m.createdAt}>{fmtDateTime(m.createdAt)}</time>
                  </Typography.Text>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
                </div>
              ),
            }))}
          />
        )}
      </PageState>
      <Form form={form} layout="vertical" name="minutes" onFinish={record}>
        <Form.Item
          label="记录纪要"
          name="body"
          rules={[
            { required: true, whitespace: true, message: '请输入纪要内容' },
            { max: 20000, message: '不能超过 20000 字' },
          ]}
        >
          <Input.TextArea
            rows={3}
            placeholder="会商议定事项、责任单位和时限"
            onChange={() => setPendingId(null)}
          />
        </Form.Item>
        <Button htmlType="submit" loading={busy === 'record'}>
          记录
        </Button>
      </Form>
    </div>
  );
}
