import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useSession } from '../../lib/auth-store';
import { useDirectory } from '../../lib/directory';
import { shanghaiToday } from '../../lib/format';
import { navigate } from '../../lib/router';
import { PageState } from '../../components/page-state';
import { StatusTag } from '../../components/status-tag';
import { RoutingCard } from '../staff/case-info';
import { CourtPartiesField, type CourtPartyForm } from './court-parties-field';
import type { Schemas } from '../../lib/api-types';
import { AMOUNT_RULES } from '../../lib/validators';
import { PageTitle, Heading, HiddenTitle } from '../../components/page-title';

type CaseDetail = Schemas['CaseDetail'];

interface ReferralForm {
  referralType: 'pre_registration' | 'post_registration';
  procedure?: 'ordinary' | 'simple';
  courtCaseNumber: string;
  causeOfAction: string;
  category: string;
  claimAmount?: number | null;
  judgeName?: string;
  referredOn: Dayjs;
  streetCode: string;
  description?: string;
  parties: CourtPartyForm[];
}

/** （2026）苏0612民诉前调12号: half-width brackets are accepted and converted; one pair only, as the api requires. */
const CASE_NO = /^（\d{4}）[^（）()\s]+号$/;
const normaliseCaseNo = (v: string) => v.trim().replace(/\(/g, '（').replace(/\)/g, '）');

/** 委派/委托调解: a court refers a case to mediation; the router picks the body and says why. */
export function CourtReferralPage() {
  const session = useSession();
  const dir = useDirectory();
  const [form] = Form.useForm<ReferralForm>();
  const type = Form.useWatch('referralType', form);
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [done, setDone] = useState<CaseDetail | null>(null);

  const submit = async (v: ReferralForm) => {
    setBusy(true);
    setSubmitError(null);
    try {
      const created = await unwrap(
        apiClient.POST('/api/cases/court-referrals', {
          body: {
            referralType: v.referralType,
            procedure: v.referralType === 'post_registration' ? v.procedure : undefined,
            courtCaseNumber: normaliseCaseNo(v.courtCaseNumber),
            causeOfAction: v.causeOfAction.trim(),
            category: v.category,
            claimAmount: v.claimAmount ?? undefined,
            judgeName: v.judgeName?.trim() || undefined,
            referredOn: v.referredOn.format('YYYY-MM-DD'),
            streetCode: v.streetCode,
            description: v.description?.trim() || undefined,
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
      );
      setDone(await unwrap(apiClient.GET('/api/cases/{id}', { params: { path: { id: created.id } } })));
    } catch (err) {
      setSubmitError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="tj-stack">
        <HiddenTitle>委派/委托调解</HiddenTitle>
        <Result
          status="success"
          title="案件已委派"
          data-testid="referral-result"
          subTitle={
            <span>
              案件编号 {done.number} · {done.title} · 当前状态{' '}
              <StatusTag status={done.status} label={done.statusLabel} />
            </span>
          }
          extra={[
            <Button key="open" type="primary" onClick={() => navigate(`work/${done.id}`)}>
              查看案件
            </Button>,
            <Button key="list" onClick={() => navigate('court')}>
              返回法院工作台
            </Button>,
            <Button
              key="again"
              onClick={() => {
                form.resetFields();
                setDone(null);
              }}
            >
              继续委派
            </Button>,
          ]}
        />
        {done.routing && <RoutingCard routing={done.routing} />}
      </div>
    );
  }

  return (
    <div className="tj-stack">
      <Button type="link" style={{ padding: 0 }} onClick={() => navigate('court')}>
        ‹ 返回法院工作台
      </Button>
      <PageTitle>委派/委托调解</PageTitle>
      <PageState loading={dir.loading} error={dir.error} hasData={!!dir.data} onRetry={dir.reload}>
        <Form
          form={form}
          layout="vertical"
          name="court-referral"
          onFinish={submit}
          scrollToFirstError
          initialValues={{
            referralType: 'pre_registration',
            procedure: 'ordinary',
            referredOn: dayjs(shanghaiToday()),
            judgeName: session?.user.role === 'judge' ? session.user.displayName : undefined,
            parties: [
              { role: 'applicant', partyType: 'person' },
              { role: 'respondent', partyType: 'person' },
            ],
          }}
        >
          <Card size="small" title="案件信息" style={{ marginBottom: 12 }}>
            <Form.Item
              label="调解类型"
              name="referralType"
              rules={[{ required: true, message: '请选择调解类型' }]}
              extra={
                type === 'post_registration'
                  ? '立案后委托调解：普通程序 15 日、简易程序 7 日，经各方同意可延长。'
                  : '立案前委派调解（诉前调解）：期限 30 日，经法院同意可延长。'
              }
            >
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'pre_registration', label: '委派调解（诉前）' },
                  { value: 'post_registration', label: '委托调解（立案后）' },
                ]}
              />
            </Form.Item>
            <Row gutter={12}>
              {type === 'post_registration' && (
                <Col xs={24} md={8}>
                  <Form.Item
                    label="适用程序"
                    name="procedure"
                    rules={[{ required: true, message: '委托调解须选择适用程序' }]}
                  >
                    <Select
                      options={[
                        { value: 'ordinary', label: '普通程序（15 日）' },
                        { value: 'simple', label: '简易程序（7 日）' },
                      ]}
                    />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={8}>
                <Form.Item
                  label="案号"
                  name="courtCaseNumber"
                  normalize={(v: string) => v?.replace(/\(/g, '（').replace(/\)/g, '）')}
                  rules={[
                    { required: true, whitespace: true, message: '请输入案号' },
                    { pattern: CASE_NO, message: '案号格式应如（2026）苏0612民诉前调12号' },
                    { max: 60, message: '不能超过 60 字' },
                  ]}
                >
                  <Input placeholder="（2026）苏0612民诉前调12号" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label="案由"
                  name="causeOfAction"
                  rules={[
                    { required: true, whitespace: true, message: '请输入案由' },
                    { min: 2, max: 60, message: '案由为 2–60 字' },
                  ]}
                >
                  <Input placeholder="如：买卖合同纠纷" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label="纠纷类别"
                  name="category"
                  rules={[{ required: true, message: '请选择纠纷类别' }]}
                  extra="用于分派至相应的调解组织"
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
                <Form.Item label="标的额（元，选填）" name="claimAmount" rules={AMOUNT_RULES}>
                  <InputNumber style={{ width: '100%' }} precision={2} placeholder="如：52000" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label="承办法官（选填）"
                  name="judgeName"
                  rules={[{ max: 40, message: '不能超过 40 字' }]}
                >
                  <Input placeholder="如：王法官" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label="委派日期"
                  name="referredOn"
                  rules={[{ required: true, message: '请选择委派日期' }]}
                  extra="调解期限自该日起算（北京时间）"
                >
                  <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" allowClear={false} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label="案情简介（选填）"
              name="description"
              rules={[{ max: 5000, message: '不能超过 5000 字' }]}
            >
              <Input.TextArea
                rows={3}
                showCount
                maxLength={5000}
                placeholder="原告的诉讼请求、主要事实和理由"
              />
            </Form.Item>
          </Card>
          <Heading level={2} look={5}>
            当事人
          </Heading>
          <CourtPartiesField />
          {submitError && (
            <Alert
              type="error"
              showIcon
              title={submitError}
              style={{ marginTop: 12 }}
              data-testid="referral-error"
            />
          )}
          <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
            提交委派
          </Button>
        </Form>
      </PageState>
    </div>
  );
}
