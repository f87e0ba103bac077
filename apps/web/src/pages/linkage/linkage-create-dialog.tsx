import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useDirectory } from '../../lib/directory';
import type { Schemas } from '../../lib/api-types';

type LinkageRoomDetail = Schemas['LinkageRoom'];

interface CreateForm {
  title: string;
  about: 'topic' | 'dispute';
  topic?: string;
  disputeId?: string;
  orgIds?: string[];
}

/** 新建府院联动室: about a standing topic or one administrative dispute; organisations invited bring their active staff. */
export function LinkageCreateDialog({
  open,
  disputes,
  onClose,
  onCreated,
}: {
  open: boolean;
  disputes: { id: string; label: string }[];
  onClose: () => void;
  onCreated: (r: LinkageRoomDetail) => void;
}) {
  const dir = useDirectory();
  const [form] = Form.useForm<CreateForm>();
  const about = Form.useWatch('about', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const submit = async (v: CreateForm) => {
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await unwrap(
          apiClient.POST('/api/rooms/linkage', {
            body: {
              title: v.title.trim(),
              topic: v.about === 'topic' ? v.topic?.trim() : undefined,
              disputeId: v.about === 'dispute' ? v.disputeId : undefined,
              orgIds: v.orgIds?.length ? v.orgIds : undefined,
            },
          }),
        ),
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const orgs = (dir.data?.organizations ?? [])
    .filter((o) => o.active)
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <Modal
      title="新建府院联动室"
      open={open}
      onCancel={onClose}
      okText="创建"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        name="linkage-create"
        onFinish={submit}
        initialValues={{ about: 'topic' }}
      >
        <Form.Item
          label="会议室名称"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请输入会议室名称' },
            { max: 100, message: '不能超过 100 字' },
          ]}
        >
          <Input placeholder="如：征收补偿行政争议府院联动会商" />
        </Form.Item>
        <Form.Item label="关联" name="about">
          <Radio.Group
            options={[
              { value: 'topic', label: '常设议题' },
              { value: 'dispute', label: '一件行政争议', disabled: disputes.length === 0 },
            ]}
          />
        </Form.Item>
        {about === 'dispute' ? (
          <Form.Item
            label="行政争议"
            name="disputeId"
            rules={[{ required: true, message: '请选择行政争议' }]}
          >
            <Select placeholder="请选择" options={disputes.map((d) => ({ value: d.id, label: d.label }))} />
          </Form.Item>
        ) : (
          <Form.Item
            label="议题"
            name="topic"
            rules={[
              { required: true, whitespace: true, message: '请输入议题' },
              { max: 200, message: '不能超过 200 字' },
            ]}
          >
            <Input placeholder="如：行政争议实质化解常态化会商" />
          </Form.Item>
        )}
        <Form.Item
          label="邀请单位（选填）"
          name="orgIds"
          extra="所选单位的在岗工作人员均成为成员；创建后也可继续邀请"
        >
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="如：南通市通州区人民法院、通州区人力资源和社会保障局"
            options={orgs}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
