/** The admin app's page for a line's subject, where it has one. */
export function subjectPath(subject: { type: string; id: string | null }): string | null {
  if (!subject.id) return null;
  switch (subject.type) {
    case 'invoice':
      return `/invoices/${subject.id}`;
    case 'estimate':
      return `/estimates/${subject.id}`;
    case 'client':
      return `/clients/${subject.id}`;
    case 'ticket':
      return `/support/${subject.id}`;
    case 'business':
      return '/settings';
    default:
      return null;
  }
}
