export function StatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  return (
    <span className="badges">
      <span className={`badge badge-${status}`}>{status}</span>
      {overdue ? <span className="badge badge-overdue">overdue</span> : null}
    </span>
  );
}
