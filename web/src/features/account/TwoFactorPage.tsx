import { TwoFactorSection } from './TwoFactorSection';

/** `/account/two-factor`: its own page, so the account screen links to it rather than embedding it. */
export function TwoFactorPage() {
  return <TwoFactorSection asPage />;
}
