import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Result, Row, Select, Typography } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useDirectory } from '../../lib/directory';
import { CHANNEL_LABELS } from '../../lib/format';
import { homeOf, menuFor, registerChannels } from '../../lib/nav';
import { navigate } from '../../lib/router';
import { PageState } from '../../components/page-state';
import { CourtPartiesField, REGISTER_ROLE_OPTIONS, type CourtPartyForm } from '../court/court-parties-field';
import type { Schemas } from '../../lib/api-types';
import { PageTitle, Heading, HiddenTitle } from '../../components/page-title';

type RegisterAnswer = Schemas['RegisterResult'];
type Role = Schemas['Role'];
type RegisterDto = Schemas['RegisterDto'];

interface RegisterForm {
  channel: RegisterDto['channel'];
  category: string;
  streetCode: string;
  address?: string;
  description: string;
  sourceId?: string;
  source?: RegisterDto['source'];
  replyDays?: number;
  parties: CourtPartyForm[];
}

/** What became of a registration, in words for the registrant. */
function Outcome({ answer, onAgain }: { answer: RegisterAnswer; onAgain: () => void }) {
  const { outcome, candidateNumber } = answer.intake;
  const open = answer.id ? (
    <Button key="open" type="primary" onClick={() => navigate(`work/${answer.id}`)}>
      查看案件
    </Button>
  ) : null;
  const again = (
    <Button key="again" onClick={onAgain}>
      继续登记
    </Button>
  );
  if (outcome === 'merged')
    return (
      <Result
        status="info"
        title="已并入现有案件"
        data-testid="register-result"
        data-outcome="merged"
        subTitle={`该纠纷与在办案件 ${answer.number} 为同一纠纷，本次登记已作为该案件的一条受理记录并入，未另立新案。`}
        extra={[open, again]}
      />
    );
  if (outcome === 'review')
    return (
      <Result
        status="warning"
        title="已提交区级复核"
        data-testid="register-result"
        data-outcome="review"
        subTitle={`该纠纷疑似与在办案件 ${candidateNumber ?? ''} 重复，已提交区级统筹复核；复核后将并入该案件或另立新案。`}
        extra={[again]}
      />
    );
  return (
    <Result
      status="success"
      title="登记成功"
      data-testid="register-result"
      data-outcome="created"
      subTitle={`案件编号 ${answer.number}（${answer.title}），当前状态：${answer.statusLabel}`}
      extra={[open, again]}
    />
  );
}

/** 纠纷登记: staff register a walk-in, petition, grid report, 12345 order or enterprise dispute. */
export function RegisterPage({ role }: { role: Role }) {
  const dir = useDirectory();
  const [form] = Form.useForm<RegisterForm>();
  const channels = registerChannels(role);
  const channel = Form.useWatch('channel', form) ?? channels[0];
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<RegisterAnswer | null>(null);
  const hotline = channel === 'hotline_12345';

  const submit = async (v: RegisterForm) => {
    setBusy(true);
    setSubmitError(null);
    try {
      setAnswer(
        await unwrap(
          apiClient.POST('/api/cases/register', {
            body: {
              channel: v.channel,
              category: v.category,
              streetCode: v.streetCode,
              address: v.address?.trim() || undefined,
              description: v.description.trim(),
              sourceId: v.sourceId?.trim() || undefined,
              source: hotline ? v.source || undefined : undefined,
              replyDays: hotline ? (v.replyDays ?? undefined) : undefined,
              parties: v.parties.map((p) => ({
                role: p.role,
                partyType: p.partyType,
                name: p.name.trim(),
                phone: p.phone?.trim() || undefined,
                idNumber: p.partyType === 'person' ? p.idNumber?.trim() || undefined : undefined,
                representative: p.partyType === 'organization' ? p.representative?.trim() : undefined,
              })),
            },
          }),
        ),
      );
    } catch (err) {
      setSubmitError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (answer)
    return (
      <div className="tj-stack">
        <HiddenTitle>纠纷登记</HiddenTitle>
        <Outcome
          answer={answer}
          onAgain={() => {
            form.resetFields();
            setAnswer(null);
          }}
        />
      </div>
    );

  return (
    <div className="tj-stack">
      <Button type="link" style={{ padding: 0 }} onClick={() => navigate(homeOf(role))}>
        ‹ 返回{menuFor(role)[0].label}
      </Button>
      <PageTitle>纠纷登记</PageTitle>
      <Typography.Text type="secondary">
        同一纠纷已在办的，登记将并入原案件作为一条受理记录，不另立新案。
      </Typography.Text>
      <PageState loading={dir.loading} error={dir.error} hasData={!!dir.data} onRetry={dir.reload}>
        <Form
          form={form}
          layout="vertical"
          name="register"
          onFinish={submit}
          scrollToFirstError
          initialValues={{
            channel: channels[0],
            replyDays: 5,
            parties: [
              { role: 'applicant', partyType: 'person' },
              { role: 'respondent', partyType: 'person' },
            ],
          }}
        >
          <Card size="small" title="纠纷信息" style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item
                  label="登记渠道"
                  name="channel"
                  rules={[{ required: true, message: '请选择登记渠道' }]}
                >
                  <Select options={channels.map((c) => ({ value: c, label: CHANNEL_LABELS[c] ?? c }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label="纠纷类别"
                  name="category"
                  rules={[{ required: true, message: '请选择纠纷类别' }]}
                >
                  <Select
                    placeholder="请选择"
                    options={dir.data?.categories.map((c) => ({ value: c.code, label: c.label }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label="纠纷发生地（街道）"
                  name="streetCode"
                  rules={[{ required: true, message: '请选择街道' }]}
                >
                  <Select
                    placeholder="请选择"
                    options={dir.data?.streets.map((s) => ({ value: s.code, label: s.name }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label={hotline ? '工单编号（选填）' : '来源编号（选填）'}
                  name="sourceId"
                  rules={[{ max: 60, message: '不能超过 60 字' }]}
                >
                  <Input placeholder={hotline ? '如：2026120700017' : '如：信访件编号、网格事件编号'} />
                </Form.Item>
              </Col>
              {hotline && (
                <Col xs={24} md={8}>
                  <Form.Item label="工单来源（选填）" name="source">
                    <Select
                      allowClear
                      placeholder="请选择"
                      options={['省市网', '海心安', '本市级'].map((v) => ({ value: v, label: v }))}
                    />
                  </Form.Item>
                </Col>
              )}
              {hotline && (
                <Col xs={24} md={8}>
                  <Form.Item
                    label="办理时限（工作日）"
                    name="replyDays"
                    rules={[
                      { required: true, type: 'number', min: 1, max: 30, message: '请输入 1–30 个工作日' },
                    ]}
                  >
                    <InputNumber style={{ width: '100%' }} min={1} max={30} precision={0} />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={16}>
                <Form.Item
                  label="详细地址（选填）"
                  name="address"
                  rules={[{ max: 200, message: '不能超过 200 字' }]}
                >
                  <Input placeholder="如：金沙街道人民路12号" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label="纠纷情况"
              name="description"
              rules={[
                { required: true, whitespace: true, message: '请描述纠纷情况' },
                { min: 5, max: 5000, message: '纠纷情况为 5–5000 字' },
              ]}
            >
              <Input.TextArea rows={3} showCount maxLength={5000} placeholder="纠纷经过、各方诉求" />
            </Form.Item>
          </Card>
          <Heading level={2} look={5}>
            当事人
          </Heading>
          <CourtPartiesField roleOptions={REGISTER_ROLE_OPTIONS} />
          {submitError && (
            <Alert
              type="error"
              showIcon
              title={submitError}
              style={{ marginTop: 12 }}
              data-testid="register-error"
            />
          )}
          <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
            提交登记
          </Button>
        </Form>
      </PageState>
    </div>
  );
}
