import { useState } from 'react';
import { Alert, Button, Col, Form, InputNumber, Row, Select } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { CHANNEL_LABELS } from '../../lib/format';
import { DecisionView } from './decision-view';
import type { Schemas } from '../../lib/api-types';
import { AMOUNT_RULES } from '../../lib/validators';

type Directory = Schemas['Directory'];
type RoutingDecision = Schemas['RoutingDecision'];

interface DryRunForm {
  category: string;
  channel: string;
  streetCode?: string;
  communityCode?: string;
  claimAmount?: number | null;
  peopleInvolved?: number | null;
}

/** POST /routing/dry-run: where a dispute like this would go, and why. */
export function DryRunPanel({ dir }: { dir: Directory | null }) {
  const [form] = Form.useForm<DryRunForm>();
  const streetCode = Form.useWatch('streetCode', form);
  const street = dir?.streets.find((s) => s.code === streetCode);
  const [result, setResult] = useState<RoutingDecision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (v: DryRunForm) => {
    setBusy(true);
    setError(null);
    try {
      setResult(
        await unwrap(
          apiClient.POST('/api/routing/dry-run', {
            body: {
              category: v.category,
              channel: v.channel,
              streetCode: v.streetCode || undefined,
              communityCode: v.communityCode || undefined,
              claimAmount: v.claimAmount ?? undefined,
              peopleInvolved: v.peopleInvolved ?? undefined,
            },
          }),
        ),
      );
    } catch (err) {
      setResult(null);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tj-stack">
      <Form form={form} layout="vertical" name="dry-run" onFinish={run} initialValues={{ channel: 'online' }}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item
              label="纠纷类别"
              name="category"
              rules={[{ required: true, message: '请选择纠纷类别' }]}
            >
              <Select
                placeholder="请选择"
                options={dir?.categories.map((c) => ({ value: c.code, label: c.label }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="来源渠道"
              name="channel"
              rules={[{ required: true, message: '请选择来源渠道' }]}
            >
              <Select options={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="街道" name="streetCode">
              <Select
                allowClear
                placeholder="不限"
                options={dir?.streets.map((s) => ({ value: s.code, label: s.name }))}
                onChange={() => form.setFieldValue('communityCode', undefined)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="社区" name="communityCode">
              <Select
                allowClear
                disabled={!street}
                placeholder={street ? '不限' : '请先选择街道'}
                options={street?.communities.map((c) => ({ value: c.code, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="标的额（元）" name="claimAmount" rules={AMOUNT_RULES}>
              <InputNumber precision={2} style={{ width: '100%' }} placeholder="选填" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="涉及人数" name="peopleInvolved">
              <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder="选填" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy}>
          试分派
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
      {result && <DecisionView decision={result} />}
    </div>
  );
}
