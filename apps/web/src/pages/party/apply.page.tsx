import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Steps } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { navigate } from '../../lib/router';
import { type Session, useSession } from '../../lib/auth-store';
import { useAsync } from '../../lib/use-async';
import { AMOUNT_RULES, CATEGORY_HELP, isValidIdNumber } from '../../lib/validators';
import { PageState } from '../../components/page-state';
import { RespondentsField } from './respondents-field';
import { PageTitle } from '../../components/page-title';

interface ApplyForm {
  category: string;
  streetCode: string;
  communityCode?: string;
  address?: string;
  applicantName: string;
  idNumber?: string;
  respondents: { name: string; partyType: 'person' | 'organization'; phone?: string }[];
  description: string;
  claimAmount?: number | null;
}

const STEPS = [
  { title: '纠纷类别', fields: ['category', 'streetCode', 'communityCode', 'address'] },
  { title: '当事人', fields: ['applicantName', 'idNumber', 'respondents'] },
  { title: '纠纷情况', fields: ['description', 'claimAmount'] },
];

/** The signed-in party's name, unless the account still has the placeholder given at first sign-in (当事人1234). */
function accountName(session: Session | null): string | undefined {
  const name = session?.user.displayName.trim();
  return name && !/^当事人\d{4}$/.test(name) ? name : undefined;
}

/** 申请调解: a three-step guided application. */
export function ApplyPage() {
  const { message } = App.useApp();
  const session = useSession();
  const dir = useAsync(() => unwrap(apiClient.GET('/api/directory')), []);
  const [form] = Form.useForm<ApplyForm>();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const category = Form.useWatch('category', form);
  const streetCode = Form.useWatch('streetCode', form);
  const street = dir.data?.streets.find((s) => s.code === streetCode);

  const next = async () => {
    try {
      await form.validateFields(
        STEPS[step].fields.map((f) => (f === 'respondents' ? ['respondents'] : f)),
        { recursive: true },
      );
      setStep(step + 1);
    } catch {
      /* messages are shown on the fields */
    }
  };

  const submit = async () => {
    let v: ApplyForm;
    try {
      await form.validateFields(undefined, { recursive: true });
      v = form.getFieldsValue(true) as ApplyForm;
    } catch (err) {
      const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name[0];
      const at = STEPS.findIndex((s) => s.fields.includes(String(first)));
      if (at >= 0) setStep(at);
      return;
    }
    setBusy(true);
    setSubmitError(null);
    try {
      const created = await unwrap(
        apiClient.POST('/api/cases', {
          body: {
            category: v.category,
            streetCode: v.streetCode,
            communityCode: v.communityCode || undefined,
            address: v.address?.trim() || undefined,
            description: v.description.trim(),
            claimAmount: v.claimAmount ?? undefined,
            applicant: {
              name: v.applicantName.trim(),
              idNumber: v.idNumber?.trim() || undefined,
              partyType: 'person',
            },
            respondents: v.respondents.map((r) => ({
              name: r.name.trim(),
              partyType: r.partyType,
              phone: r.phone?.trim() || undefined,
            })),
          },
        }),
      );
      message.success(`申请已提交，案件编号 ${created.number}`);
      navigate(`cases/${created.id}`);
    } catch (err) {
      setSubmitError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tj-stack">
      <PageTitle>申请调解</PageTitle>
      <PageState loading={dir.loading} error={dir.error} hasData={!!dir.data} onRetry={dir.reload}>
        <Card size="small">
          <Steps
            current={step}
            size="small"
            orientation="horizontal"
            titlePlacement="vertical"
            responsive={false}
            items={STEPS.map((s) => ({ title: s.title }))}
            style={{ marginBottom: 16 }}
            className="tj-care-hidden"
          />
          <div className="tj-care-only" aria-hidden="true">
            第 {step + 1} 步（共 {STEPS.length} 步）：{STEPS[step].title}
          </div>
          <Form
            form={form}
            layout="vertical"
            name="apply"
            initialValues={{ respondents: [{ partyType: 'person' }], applicantName: accountName(session) }}
            scrollToFirstError
          >
            <div hidden={step !== 0}>
              <Form.Item
                label="纠纷类别"
                name="category"
                rules={[{ required: true, message: '请选择纠纷类别' }]}
                extra={
                  category ? CATEGORY_HELP[category] : '请选择最接近的类别，我们将为您分派专业的调解组织。'
                }
              >
                <Select
                  placeholder="请选择"
                  options={dir.data?.categories.map((c) => ({ value: c.code, label: c.label }))}
                />
              </Form.Item>
              <Form.Item
                label="所属街道"
                name="streetCode"
                rules={[{ required: true, message: '请选择纠纷发生地所属街道' }]}
              >
                <Select
                  placeholder="请选择"
                  options={dir.data?.streets.map((s) => ({ value: s.code, label: s.name }))}
                  onChange={() => form.setFieldValue('communityCode', undefined)}
                />
              </Form.Item>
              <Form.Item label="所属社区（选填）" name="communityCode">
                <Select
                  placeholder={street ? '请选择' : '请先选择街道'}
                  allowClear
                  disabled={!street}
                  options={street?.communities.map((c) => ({ value: c.code, label: c.name }))}
                />
              </Form.Item>
              <Form.Item
                label="详细地址（选填）"
                name="address"
                rules={[{ max: 200, message: '地址不能超过 200 字' }]}
              >
                <Input placeholder="如：城中社区 3 栋 2 单元" />
              </Form.Item>
            </div>
            <div hidden={step !== 1}>
              <Form.Item
                label="申请人姓名"
                name="applicantName"
                rules={[
                  { required: true, whitespace: true, message: '请输入申请人姓名' },
                  { max: 100, message: '姓名不能超过 100 字' },
                ]}
              >
                <Input autoComplete="name" placeholder="请输入真实姓名" />
              </Form.Item>
              <Form.Item
                label="身份证号（选填）"
                name="idNumber"
                rules={[
                  {
                    validator: async (_, v?: string) => {
                      if (v && !isValidIdNumber(v.trim())) throw new Error('身份证号码格式或校验位不正确');
                    },
                  },
                ]}
                extra="仅用于核实身份，对其他当事人脱敏显示"
              >
                <Input maxLength={18} placeholder="18 位身份证号码" />
              </Form.Item>
              <RespondentsField />
            </div>
            <div hidden={step !== 2}>
              <Form.Item
                label="纠纷简要情况"
                name="description"
                rules={[
                  { required: true, whitespace: true, message: '请描述纠纷情况' },
                  { min: 5, message: '请至少填写 5 个字' },
                  { max: 5000, message: '不能超过 5000 字' },
                ]}
              >
                <Input.TextArea
                  rows={5}
                  showCount
                  maxLength={5000}
                  placeholder="请说明纠纷的起因、经过、目前的情况和您的诉求"
                />
              </Form.Item>
              <Form.Item label="请求金额（元，选填）" name="claimAmount" rules={AMOUNT_RULES}>
                <InputNumber style={{ width: '100%' }} precision={2} placeholder="如：3600" />
              </Form.Item>
              {submitError && (
                <Alert type="error" showIcon title={submitError} style={{ marginBottom: 12 }} />
              )}
            </div>
            <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 16 }}>
              <Button onClick={() => (step === 0 ? navigate('mine') : setStep(step - 1))}>
                {step === 0 ? '取消' : '上一步'}
              </Button>
              {step < STEPS.length - 1 ? (
                <Button type="primary" onClick={next}>
                  下一步
                </Button>
              ) : (
                <Button type="primary" loading={busy} onClick={submit}>
                  提交申请
                </Button>
              )}
            </Space>
          </Form>
        </Card>
      </PageState>
    </div>
  );
}
