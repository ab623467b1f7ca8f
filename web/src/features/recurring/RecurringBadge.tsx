import type { RecurringInvoice } from '../../api/types';
import { useWords } from '../../i18n';

const TONE: Record<RecurringInvoice['status'], string> = {
  active: 'badge-paid',
  paused: 'badge-partial',
  ended: 'badge-ended',
};

export function RecurringBadge({ status }: { status: RecurringInvoice['status'] }) {
  const { t } = useWords();
  return <span className={`badge ${TONE[status]}`}>{t.recurring.status[status]}</span>;
}

/** "Monthly", or "Monthly · every 2" when the interval is more than one. */
export function useRepeats() {
  const { t } = useWords();
  return (s: RecurringInvoice['schedule']) =>
    s.interval > 1
      ? `${t.recurring.frequencies[s.frequency]} · ${t.recurring.every(s.interval)}`
      : t.recurring.frequencies[s.frequency];
}
