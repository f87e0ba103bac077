import { useState } from 'react';
import { App, Button, Card, Empty, Select, Space, Table, Typography } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import type { Schemas } from '../../lib/api-types';
import { useDirectory } from '../../lib/directory';
import { useAsync } from '../../lib/use-async';
import { PageState } from '../../components/page-state';

type UnknownStreet = Schemas['UnknownStreetName'];

/**
 * 未识别的街道名称: street names in imported data that the directory lacks. Mapping one onto a street once routes the
 * imported disputes waiting for it, and later imports resolve it themselves.
 */
export function UnknownStreets({ reloadKey }: { reloadKey: number }) {
  const { message } = App.useApp();
  const dir = useDirectory();
  // an import just done may have brought new names
  const list = useAsync(() => unwrap(apiClient.GET('/api/intake/unknown-streets')), [reloadKey]);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<string | null>(null);

  const save = async (name: string) => {
    setSaving(name);
    try {
      const r = await unwrap(
        apiClient.POST('/api/intake/street-mappings', { body: { name, streetCode: choice[name] } }),
      );
      const street = dir.data?.streets.find((s) => s.code === r.streetCode)?.name ?? r.streetCode;
      message.success(
        `「${r.name}」已映射为${street}；${r.placed} 件待分派纠纷已补全街道，其中 ${r.routed} 件已分派${r.toDistrictQueue ? `，${r.toDistrictQueue} 件转区级统筹` : ''}`,
      );
      await list.reload();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(null);
    }
  };

  const streets = dir.data?.streets.map((s) => ({ value: s.code, label: s.name })) ?? [];
  return (
    <Card size="small" title="未识别的街道名称" data-testid="unknown-streets">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        导入数据中的以下街道名称不在本区目录中，相关纠纷无法自动分派。为每个名称选择对应街道后保存，待分派的纠纷会立即分派，之后的导入也会按此识别。
      </Typography.Paragraph>
      <PageState loading={list.loading} error={list.error} hasData={!!list.data} onRetry={list.reload}>
        <Table<UnknownStreet>
          rowKey="name"
          size="small"
          dataSource={list.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty description="导入数据中的街道名称均已识别" /> }}
          columns={[
            { title: '导入中的名称', dataIndex: 'name', onCell: () => ({ style: { minWidth: 84 } }) },
            { title: '记录数', dataIndex: 'records', width: 80, responsive: ['sm'] },
            { title: '待分派', dataIndex: 'waitingDisputes', width: 72 },
            {
              title: '对应街道',
              key: 'map',
              render: (_: unknown, r) => (
                <Space wrap>
                  <Select
                    aria-label={`${r.name}对应的街道`}
                    placeholder="选择街道"
                    style={{ minWidth: 120 }}
                    options={streets}
                    value={choice[r.name]}
                    onChange={(v: string) => setChoice((c) => ({ ...c, [r.name]: v }))}
                  />
                  <Button
                    type="primary"
                    disabled={!choice[r.name]}
                    loading={saving === r.name}
                    onClick={() => void save(r.name)}
                  >
                    保存并分派
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </PageState>
    </Card>
  );
}
