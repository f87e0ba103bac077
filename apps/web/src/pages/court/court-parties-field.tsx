import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { isValidIdNumber, PHONE_RE } from '../../lib/validators';

export interface CourtPartyForm {
  role: 'applicant' | 'respondent';
  partyType: 'person' | 'organization';
  name: string;
  representative?: string;
  phone?: string;
  idNumber?: string;
}

const ROLE_OPTIONS = [
  { value: 'applicant', label: '申请人（原告）' },
  { value: 'respondent', label: '被申请人（被告）' },
];
const TYPE_OPTIONS = [
  { value: 'person', label: '自然人' },
  { value: 'organization', label: '法人或其他组织' },
];

/** Staff registration: the same roles without the court's 原告/被告. */
export const REGISTER_ROLE_OPTIONS = [
  { value: 'applicant', label: '申请人' },
  { value: 'respondent', label: '被申请人' },
];

function PartyCard({
  index,
  onRemove,
  roleOptions,
}: {
  index: number;
  onRemove?: () => void;
  roleOptions: { value: string; label: string }[];
}) {
  const form = Form.useFormInstance();
  const type = Form.useWatch(['parties', index, 'partyType'], form) as string | undefined;
  const org = type === 'organization';
  return (
    <Card
      size="small"
      title={`当事人 ${index + 1}`}
      style={{ marginBottom: 12 }}
      data-testid={`party-${index + 1}`}
      extra={
        onRemove && (
          <Button type="link" danger onClick={onRemove}>
            删除
          </Button>
        )
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            label="诉讼地位"
            name={[index, 'role']}
            rules={[{ required: true, message: '请选择诉讼地位' }]}
          >
            <Select options={roleOptions} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label="当事人类型"
            name={[index, 'partyType']}
            rules={[{ required: true, message: '请选择当事人类型' }]}
          >
            <Select options={TYPE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={org ? '单位名称' : '姓名'}
            name={[index, 'name']}
            rules={[
              { required: true, whitespace: true, message: org ? '请输入单位名称' : '请输入姓名' },
              { max: 100, message: '不能超过 100 字' },
            ]}
          >
            <Input placeholder={org ? '如：南通某建材有限公司' : '如：王五'} />
          </Form.Item>
        </Col>
        {org && (
          <Col xs={24} md={8}>
            <Form.Item
              label="法定代表人或负责人"
              name={[index, 'representative']}
              rules={[
                { required: true, whitespace: true, message: '单位当事人须填写法定代表人或负责人' },
                { max: 100, message: '不能超过 100 字' },
              ]}
            >
              <Input placeholder="如：赵六" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item
            label="联系电话（选填）"
            name={[index, 'phone']}
            rules={[{ pattern: PHONE_RE, message: '请输入 11 位手机号码' }]}
          >
            <Input inputMode="numeric" maxLength={11} placeholder="11 位手机号码" />
          </Form.Item>
        </Col>
        {!org && (
          <Col xs={24} md={8}>
            <Form.Item
              label="身份证号（选填）"
              name={[index, 'idNumber']}
              rules={[
                {
                  validator: async (_, v?: string) => {
                    if (v && !isValidIdNumber(v.trim())) throw new Error('身份证号码格式或校验位不正确');
                  },
                },
              ]}
            >
              <Input maxLength={18} placeholder="18 位身份证号码" />
            </Form.Item>
          </Col>
        )}
      </Row>
    </Card>
  );
}

/** The parties of a referral: at least one applicant and one respondent; organisations name their representative. */
export function CourtPartiesField({
  roleOptions = ROLE_OPTIONS,
}: { roleOptions?: typeof ROLE_OPTIONS } = {}) {
  return (
    <Form.List
      name="parties"
      rules={[
        {
          validator: async (_, list?: Partial<CourtPartyForm>[]) => {
            if (!list || list.length < 2) throw new Error('请至少填写两名当事人');
            if (!list.some((p) => p?.role === 'applicant') || !list.some((p) => p?.role === 'respondent'))
              throw new Error('当事人须至少包括一名申请人和一名被申请人');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <PartyCard
              key={f.key}
              index={f.name}
              onRemove={fields.length > 2 ? () => remove(i) : undefined}
              roleOptions={roleOptions}
            />
          ))}
          <Button type="dashed" block onClick={() => add({ role: 'respondent', partyType: 'person' })}>
            添加当事人
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
