import { useWords } from '../../i18n';

interface Point {
  month: string;
  invoiced: number;
  paid: number;
}

const W = 640;
const H = 180;
const PAD = 24;

/**
 * Invoiced vs paid per month for one currency, as plain SVG bars: no chart library, and
 * the figures are in the table beside it for screen readers and exact reading.
 */
export function MonthlyChart({ points, currency }: { points: Point[]; currency: string }) {
  const { t, money, month: label } = useWords();
  const max = Math.max(1, ...points.flatMap((p) => [p.invoiced, p.paid]));
  const slot = (W - PAD) / points.length;
  const bar = Math.max(2, slot / 2 - 3);
  const y = (v: number) => H - PAD - ((H - 2 * PAD) * v) / max;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t.dashboard.chartLabel(currency)}>
        <line x1={PAD / 2} x2={W} y1={H - PAD} y2={H - PAD} stroke="#dde2e8" />
        {points.map((p, i) => {
          const x = PAD / 2 + i * slot;
          return (
            <g key={p.month}>
              <rect x={x} y={y(p.invoiced)} width={bar} height={H - PAD - y(p.invoiced)} fill="#91a7ff">
                <title>{`${label(p.month)} · ${t.dashboard.invoiced} ${money(p.invoiced, currency)}`}</title>
              </rect>
              <rect x={x + bar + 2} y={y(p.paid)} width={bar} height={H - PAD - y(p.paid)} fill="#2b8a3e">
                <title>{`${label(p.month)} · ${t.dashboard.paid} ${money(p.paid, currency)}`}</title>
              </rect>
              <text x={x + bar} y={H - 6} fontSize="10" textAnchor="middle" fill="#5f6b7a">
                {label(p.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">
        <span className="swatch invoiced" /> {t.dashboard.invoiced} <span className="swatch paid" />{' '}
        {t.dashboard.paid} ({currency})
      </figcaption>
    </figure>
  );
}
