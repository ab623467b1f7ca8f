import { useWords } from '../../i18n';
import { TwoFactorSection } from './TwoFactorSection';

/** `/account/two-factor`: its own page, so the account screen links to it rather than embedding it. */
export function TwoFactorPage() {
  const { t } = useWords();
  return (
    <section>
      <h1>{t.twoFactor.title}</h1>
      <TwoFactorSection />
    </section>
  );
}
