import { Button, Card, Form, Input, Select } from 'antd';
import { PHONE_RE } from '../../lib/validators';

/** One or more respondents (被申请人): name, person or organisation, optional phone. */
export function RespondentsField() {
  return (
    <Form.List
      name="respondents"
      rules={[
        {
          validator: async (_, list?: unknown[]) => {
            if (!list || list.length < 1) throw new Error('请至少填写一名被申请人');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={`被申请人 ${i + 1}`}
              style={{ marginBottom: 12 }}
              extra={
                fields.length > 1 && (
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    删除
                  </Button>
                )
              }
            >
              <Form.Item
                label="姓名或单位名称"
                name={[field.name, 'name']}
                rules={[
                  { required: true, whitespace: true, message: '请输入被申请人姓名或单位名称' },
                  { max: 100, message: '不能超过 100 字' },
                ]}
              >
                <Input placeholder="如：李四 / 某某物业服务有限公司" />
              </Form.Item>
              <Form.Item label="类型" name={[field.name, 'partyType']} initialValue="person">
                <Select
                  options={[
                    { value: 'person', label: '个人' },
                    { value: 'organization', label: '单位' },
                  ]}
                />
              </Form.Item>
              <Form.Item
                label="联系电话（选填）"
                name={[field.name, 'phone']}
                rules={[{ pattern: PHONE_RE, message: '请输入 11 位手机号码' }]}
                extra="填写后，对方可用该手机号登录查看案件"
              >
                <Input inputMode="numeric" maxLength={11} placeholder="11 位手机号码" />
              </Form.Item>
            </Card>
          ))}
          <Button type="dashed" block onClick={() => add({ partyType: 'person' })}>
            添加被申请人
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
