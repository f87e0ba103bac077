import { Empty } from 'antd';

export interface Series {
  name: string;
  color: string;
  values: Record<string, number>;
}

const W = 1100;
const H = 260;
const PAD = { l: 48, r: 12, t: 12, b: 28 };

/** A round upper bound with four equal integer steps (1, 2 or 5 × 10^k per step). */
function niceMax(v: number): number {
  const raw = Math.max(1, v / 4);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((x) => x >= raw) ?? 10 * p;
  return Math.max(4, Math.ceil(step) * 4);
}

/** Grouped columns per period (SVG, scales to its container), with a legend and a text alternative. */
export function SeriesChart({
  periods,
  series,
  label,
}: {
  periods: string[];
  series: Series[];
  label: string;
}) {
  const all = series.flatMap((s) => periods.map((p) => s.values[p] ?? 0));
  if (periods.length === 0 || all.every((v) => v === 0))
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该期间暂无数据" />;
  const max = niceMax(Math.max(...all));
  const cw = (W - PAD.l - PAD.r) / periods.length;
  const bw = Math.max(2, (cw * 0.7) / series.length);
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v / max);
  const ticks = [0, 1, 2, 3, 4].map((i) => (max / 4) * i);
  const summary = series
    .map((s) => `${s.name}：${periods.map((p) => `${p} ${s.values[p] ?? 0}`).join('，')}`)
    .join('；');
  return (
    <figure className="tj-chart" style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${label}。${summary}`}
        style={{ width: '100%', height: 'auto' }}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} stroke="#f0f0f0" />
            <text x={PAD.l - 6} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#595959">
              {t}
            </text>
          </g>
        ))}
        {periods.map((p, i) => {
          const x0 = PAD.l + cw * i + (cw - bw * series.length) / 2;
          return (
            <g key={p}>
              {series.map((s, j) => {
                const v = s.values[p] ?? 0;
                return (
                  <rect
                    key={s.name}
                    x={x0 + j * bw}
                    y={y(v)}
                    width={bw - 1}
                    height={Math.max(0, H - PAD.b - y(v))}
                    fill={s.color}
                    rx={1}
                  >
                    <title>{`${p} ${s.name}：${v}`}</title>
                  </rect>
                );
              })}
              {(periods.length <= 16 || i % Math.ceil(periods.length / 12) === 0) && (
                <text x={PAD.l + cw * i + cw / 2} y={H - 8} textAnchor="middle" fontSize="12" fill="#595959">
                  {p.length === 7 ? `${Number(p.slice(5))}月` : p.slice(5)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} stroke="#d9d9d9" />
      </svg>
      <figcaption className="tj-legend">
        {series.map((s) => (
          <span key={s.name}>
            <i style={{ background: s.color }} />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
