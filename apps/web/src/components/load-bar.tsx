import { Progress, Tooltip } from 'antd';

/** Open cases against capacity, red when full. */
export function LoadBar({ open, capacity }: { open: number; capacity: number }) {
  const ratio = capacity > 0 ? open / capacity : 1;
  const status = ratio >= 1 ? 'exception' : ratio >= 0.8 ? 'active' : 'normal';
  return (
    <Tooltip title={`在办 ${open} 件，容量 ${capacity} 件`}>
      <div style={{ minWidth: 120 }}>
        <Progress
          aria-label={`在办 ${open} 件，容量 ${capacity} 件`}
          percent={Math.min(100, Math.round(ratio * 100))}
          status={status}
          size="small"
          format={() => `${open}/${capacity}`}
        />
      </div>
    </Tooltip>
  );
}
