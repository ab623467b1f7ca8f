import type { DocumentType } from '@clientele/core';
import { useWords } from '../../i18n';
import { statusLabel } from './statuses';

/** A document's status in the app's language, with "Overdue" beside it once its due date has passed. */
export function StatusBadge({
  type,
  status,
  overdue,
  disputed,
}: {
  type: DocumentType;
  status: string;
  overdue?: boolean;
  /** A Stripe dispute holds back a payment: the amount is owed again. */
  disputed?: boolean;
}) {
  const { t } = useWords();
  return (
    <span className="badges">
      <span className={`badge badge-${status}`}>{statusLabel(t, type, status)}</span>
      {overdue ? <span className="badge badge-overdue">{t.status.overdue}</span> : null}
      {disputed ? <span className="badge badge-disputed">{t.money.disputed}</span> : null}
    </span>
  );
}
