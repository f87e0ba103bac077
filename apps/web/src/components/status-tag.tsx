import { Tag } from 'antd';
import { statusColor } from '../lib/format';

export function StatusTag({ status, label }: { status: string; label: string }) {
  return (
    <Tag color={statusColor(status)} data-status={status}>
      {label}
    </Tag>
  );
}
