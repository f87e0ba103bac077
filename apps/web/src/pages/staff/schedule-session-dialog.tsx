import { useState } from 'react';
import { DatePicker, Form, Input, Modal, Radio, Select, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { apiClient, unwrap } from '../../lib/typed-api';
import type { Schemas } from '../../lib/api-types';

interface Values {
  at: Dayjs;
  online: boolean;
  place?: string;
  mode: 'joint' | 'caucus';
  participants: string[];
}

/** 安排调解会议: time, online (a video call once every party consented) or a place, joint or back-to-back, who takes part. */
export function ScheduleSessionDialog({
  caseId,
  parties,
  open,
  onClose,
  onScheduled,
}: {
  caseId: string;
  parties: Schemas['CaseParty'][];
  open: boolean;
  onClose: () => void;
  onScheduled: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const online = Form.useWatch('online', form);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await unwrap(
        apiClient.POST('/api/cases/{id}/sessions', {
          params: { path: { id: caseId } },
          body: {
            scheduledAt: v.at.second(0).millisecond(0).toISOString(),
            online: v.online,
            ...(v.online ? {} : { place: v.place?.trim() }),
            mode: v.mode,
            participants: v.participants,
          },
        }),
      );
      void message.success('已安排调解会议，当事人将收到通知');
      form.resetFields();
      onScheduled();
      onClose();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="安排调解会议"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="安排"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ online: true, mode: 'joint', participants: parties.map((p) => p.id) }}
      >
        <Form.Item label="调解时间" name="at" rules={[{ required: true, message: '请选择调解时间' }]}>
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            placeholder="请选择日期和时间"
            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
          />
        </Form.Item>
        <Form.Item label="方式" name="online">
          <Radio.Group
            options={[
              { value: true, label: '线上（视频调解）' },
              { value: false, label: '线下' },
            ]}
          />
        </Form.Item>
        {online === false && (
          <Form.Item
            label="地点"
            name="place"
            rules={[{ required: true, whitespace: true, message: '线下调解须填写地点' }]}
          >
            <Input maxLength={200} placeholder="如：金沙街道人民调解委员会调解室" />
          </Form.Item>
        )}
        <Form.Item label="调解方式" name="mode">
          <Radio.Group
            options={[
              { value: 'joint', label: '面对面' },
              { value: 'caucus', label: '背对背' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="参加的当事人"
          name="participants"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一位当事人' }]}
        >
          <Select
            mode="multiple"
            placeholder="请选择参加的当事人"
            options={parties.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
