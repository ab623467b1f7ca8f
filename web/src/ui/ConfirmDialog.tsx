import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useWords } from '../i18n';
import { TextAreaField } from './Field';

export interface ConfirmOptions {
  title: string;
  message?: string;
  confirmLabel: string;
  /** Red button: the action destroys or ends something. */
  danger?: boolean;
  /** Asks for an optional reason in a text box (e.g. declining an estimate). */
  reasonLabel?: string;
}

interface Pending extends ConfirmOptions {
  resolve: (answer: { reason: string } | null) => void;
}

/**
 * An accessible confirmation in place of the browser's confirm()/prompt(): a modal
 * <dialog> (focus moves in and stays, Escape cancels, the title names it), with the
 * safe choice first. `ask` resolves to null when cancelled.
 */
export function useConfirm(): {
  ask: (o: ConfirmOptions) => Promise<{ reason: string } | null>;
  dialog: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const { t } = useWords();

  useEffect(() => {
    if (pending && ref.current && !ref.current.open) ref.current.showModal();
  }, [pending]);

  const finish = (answer: { reason: string } | null) => {
    ref.current?.close();
    pending?.resolve(answer);
    setPending(null);
    setReason('');
  };

  const ask = (o: ConfirmOptions) =>
    new Promise<{ reason: string } | null>((resolve) => setPending({ ...o, resolve }));

  const dialog = pending ? (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        finish(null);
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          finish({ reason: reason.trim() });
        }}
      >
        <h2 id={titleId}>{pending.title}</h2>
        {pending.message ? <p>{pending.message}</p> : null}
        {pending.reasonLabel ? (
          <TextAreaField
            label={pending.reasonLabel}
            id={reasonId}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        ) : null}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => finish(null)}>
            {t.app.cancel}
          </button>
          <button type="submit" className={pending.danger ? 'danger' : 'primary'}>
            {pending.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  ) : null;

  return { ask, dialog };
}
