import { useQuery } from '@tanstack/react-query';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { browserLabel } from './browser-label';
import { accountQueries } from './queries';
import { signOutDevice, signOutOtherDevices } from './writes';

/** Where one is signed in: browser, approximate country, last seen; sign one or all others out. */
export function Devices() {
  const { t, date } = useWords();
  const list = useQuery(accountQueries.devices());
  const form = useApiForm({
    action: (id: string | null, key) => (id ? signOutDevice(id, key) : signOutOtherDevices(key)),
    invalidates: [accountQueries.devices().queryKey],
  });
  const devices = list.data?.data ?? [];
  const others = devices.filter((d) => !d.current);
  return (
    <section className="card" aria-labelledby="devices-title">
      <h2 id="devices-title">{t.account.devices}</h2>
      <FormError message={form.error} />
      <ul className="devices">
        {devices.map((d) => (
          <li key={d.id}>
            <div>
              <strong>{browserLabel(d.userAgent) ?? t.account.unknownBrowser}</strong>
              {d.country ? ` · ${d.country}` : ''}
              {d.current ? <span className="badge"> {t.account.thisDevice}</span> : null}
              <div className="muted">
                {t.account.signedIn} {date(d.createdAt)} · {t.account.lastSeen}{' '}
                {date(d.lastSeenAt ?? d.createdAt)}
              </div>
            </div>
            {d.current ? null : (
              <button type="button" onClick={() => void form.submit(d.id)} disabled={form.busy}>
                {t.account.signOutDevice}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <button type="button" onClick={() => void form.submit(null)} disabled={form.busy}>
          {t.account.signOutOthers}
        </button>
      ) : (
        <p className="muted">{t.account.noOtherDevices}</p>
      )}
    </section>
  );
}
