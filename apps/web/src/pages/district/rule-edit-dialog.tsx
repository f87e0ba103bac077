import { useEffect } from 'react';
import { Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch } from 'antd';
import { CHANNEL_LABELS, KIND_LABELS, LEVEL_LABELS, PARTY_TYPE_LABELS } from '../../lib/format';
import type { Schemas } from '../../lib/api-types';
import { AMOUNT_RULES } from '../../lib/validators';

type Directory = Schemas['Directory'];
type RegistryBody = Schemas['BodyEntry'];
type RoutingRule = Schemas['RoutingRule'];
type Conditions = Schemas['RuleConditions'];
type Selector = Schemas['BodySelector'];

interface RuleForm {
  id: string;
  name: string;
  priority: number;
  weight: number;
  enabled: boolean;
  categories?: string[];
  streets?: string[];
  communities?: string[];
  claimAmountMin?: number | null;
  claimAmountMax?: number | null;
  partyTypes?: Conditions['partyTypes'];
  peopleInvolvedMin?: number | null;
  channels?: Conditions['channels'];
  disputeKinds?: Conditions['disputeKinds'];
  targetType: 'bodies' | 'selector';
  bodyIds?: string[];
  kinds?: Selector['kinds'];
  levels?: Selector['levels'];
  flags?: string[];
}

const opts = (m: Record<string, string>, keys?: string[]) =>
  (keys ?? Object.keys(m)).map((k) => ({ value: k, label: m[k] ?? k }));
const list = <T,>(v?: T[]) => (v && v.length ? v : undefined);
const num = (v?: number | null) => (v === null || v === undefined ? undefined : v);

function toForm(r: RoutingRule): RuleForm {
  const c = r.conditions;
  const sel = (r.target.type === 'selector' ? r.target.selector : undefined) ?? {};
  return {
    id: r.id,
    name: r.name,
    priority: r.priority,
    weight: r.weight,
    enabled: r.enabled,
    ...c,
    targetType: r.target.type,
    bodyIds: r.target.type === 'bodies' ? (r.target.bodyIds ?? []) : [],
    kinds: sel.kinds,
    levels: sel.levels,
    flags: [sel.matchCategory ? 'matchCategory' : '', sel.inJurisdiction ? 'inJurisdiction' : ''].filter(
      Boolean,
    ),
  };
}

function fromForm(v: RuleForm): RoutingRule {
  const flags = v.flags ?? [];
  return {
    id: v.id.trim(),
    name: v.name.trim(),
    priority: v.priority,
    weight: v.weight,
    enabled: v.enabled,
    conditions: {
      categories: list(v.categories),
      streets: list(v.streets),
      communities: list(v.communities),
      claimAmountMin: num(v.claimAmountMin),
      claimAmountMax: num(v.claimAmountMax),
      partyTypes: list(v.partyTypes),
      peopleInvolvedMin: num(v.peopleInvolvedMin),
      channels: list(v.channels),
      disputeKinds: list(v.disputeKinds),
    },
    target:
      v.targetType === 'bodies'
        ? { type: 'bodies', bodyIds: v.bodyIds ?? [] }
        : {
            type: 'selector',
            selector: {
              kinds: list(v.kinds),
              levels: list(v.levels),
              matchCategory: flags.includes('matchCategory'),
              inJurisdiction: flags.includes('inJurisdiction'),
            },
          },
  };
}

/** One routing rule: conditions (all must hold) and the bodies it proposes. Saved with the whole set. */
export function RuleEditDialog({
  rule,
  isNew,
  takenIds,
  dir,
  bodies,
  onClose,
  onDone,
}: {
  rule: RoutingRule | null;
  isNew: boolean;
  takenIds: string[];
  dir: Directory | null;
  bodies: RegistryBody[];
  onClose: () => void;
  onDone: (r: RoutingRule) => void;
}) {
  const [form] = Form.useForm<RuleForm>();
  const targetType = Form.useWatch('targetType', form);
  useEffect(() => {
    if (rule) {
      form.resetFields();
      form.setFieldsValue(toForm(rule));
    }
  }, [rule, form]);
  const communities =
    dir?.streets.flatMap((s) =>
      s.communities.map((c) => ({ value: c.code, label: `${s.name} ${c.name}` })),
    ) ?? [];
  return (
    <Modal
      title={isNew ? '新增分派规则' : `编辑分派规则：${rule?.name ?? ''}`}
      open={!!rule}
      onCancel={onClose}
      okText="确定"
      cancelText="取消"
      onOk={() => form.submit()}
      width={760}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        name="rule-edit"
        onFinish={(v) => {
          onDone(fromForm(v));
          onClose();
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              label="规则编号"
              name="id"
              extra="字母、数字、- 或 _"
              rules={[
                { required: true, message: '请输入规则编号' },
                { pattern: /^[A-Za-z0-9_-]{1,64}$/, message: '只能包含字母、数字、- 和 _，最多 64 位' },
                {
                  validator: async (_, v?: string) => {
                    if (v && takenIds.includes(v.trim())) throw new Error('规则编号已存在');
                  },
                },
              ]}
            >
              <Input disabled={!isNew} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="规则名称"
              name="name"
              rules={[
                { required: true, whitespace: true, message: '请输入规则名称' },
                { max: 100, message: '不能超过 100 字' },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item
              label="优先级"
              name="priority"
              rules={[{ required: true, message: '请输入优先级' }]}
              extra="越大越优先"
            >
              <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item
              label="权重"
              name="weight"
              rules={[{ required: true, message: '请输入权重' }]}
              extra="命中后加分"
            >
              <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item label="启用" name="enabled" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <fieldset className="tj-fieldset">
          <legend>命中条件（均须满足；不填表示不限）</legend>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item label="纠纷类别" name="categories">
                <Select
                  mode="multiple"
                  allowClear
                  options={dir?.categories.map((c) => ({ value: c.code, label: c.label }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="来源渠道" name="channels">
                <Select mode="multiple" allowClear options={opts(CHANNEL_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="纠纷性质" name="disputeKinds">
                <Select
                  mode="multiple"
                  allowClear
                  options={opts(KIND_LABELS, ['peoples', 'administrative', 'judicial'])}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="街道" name="streets">
                <Select
                  mode="multiple"
                  allowClear
                  options={dir?.streets.map((s) => ({ value: s.code, label: s.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="社区" name="communities">
                <Select mode="multiple" allowClear options={communities} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="标的额下限（元）" name="claimAmountMin" rules={AMOUNT_RULES}>
                <InputNumber precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="标的额上限（元）" name="claimAmountMax" rules={AMOUNT_RULES}>
                <InputNumber precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="涉及人数不少于" name="peopleInvolvedMin">
                <InputNumber min={1} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="当事人类型" name="partyTypes">
                <Select mode="multiple" allowClear options={opts(PARTY_TYPE_LABELS)} />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>
        <fieldset className="tj-fieldset">
          <legend>分派目标</legend>
          <Form.Item label="目标方式" name="targetType">
            <Radio.Group
              options={[
                { value: 'selector', label: '按条件选择调解组织' },
                { value: 'bodies', label: '指定调解组织' },
              ]}
            />
          </Form.Item>
          {targetType === 'bodies' ? (
            <Form.Item
              label="调解组织"
              name="bodyIds"
              rules={[{ required: true, message: '请至少选择一个调解组织' }]}
            >
              <Select mode="multiple" options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
          ) : (
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item label="组织类型" name="kinds">
                  <Select
                    mode="multiple"
                    allowClear
                    options={opts(KIND_LABELS, ['peoples', 'industry', 'administrative', 'judicial'])}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="层级" name="levels">
                  <Select mode="multiple" allowClear options={opts(LEVEL_LABELS)} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item label="附加要求" name="flags">
                  <Checkbox.Group
                    options={[
                      { value: 'matchCategory', label: '受理该纠纷类别' },
                      { value: 'inJurisdiction', label: '辖区覆盖纠纷发生地' },
                    ]}
                  />
                </Form.Item>
              </Col>
            </Row>
          )}
        </fieldset>
      </Form>
    </Modal>
  );
}
