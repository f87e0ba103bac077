import { Empty, Tooltip } from 'antd';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** Shown after the value, e.g. a rate. */
  note?: string;
}

/** Horizontal bars (plain HTML), largest first; readable without colour: every bar carries its number. */
export function BarList({
  items,
  unit = '件',
  max = 10,
  color = '#1677ff',
  label,
}: {
  items: BarItem[];
  unit?: string;
  max?: number;
  color?: string;
  label: string;
}) {
  const shown = [...items]
    .filter((i) => i.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, max);
  if (shown.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />;
  const top = shown[0].value;
  return (
    <ul className="tj-bars" aria-label={label}>
      {shown.map((i) => (
        <li key={i.key}>
          <span className="tj-bars-label" title={i.label}>
            {i.label}
          </span>
          <Tooltip title={`${i.label}：${i.value} ${unit}${i.note ? `，${i.note}` : ''}`}>
            <span className="tj-bars-track">
              <span
                className="tj-bars-fill"
                style={{ width: `${Math.max(2, (i.value / top) * 100)}%`, background: color }}
              />
            </span>
          </Tooltip>
          <span className="tj-bars-value">
            {i.value.toLocaleString('zh-CN')}
            {i.note ? <small> · {i.note}</small> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
