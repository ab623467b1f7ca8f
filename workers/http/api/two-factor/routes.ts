import type { Router } from '../router';
import { registerConfirmTotpEnrolment } from './confirm-totp-enrolment';
import { registerGetTwoFactorSettings } from './get-two-factor-settings';
import { registerRequireTwoFactor } from './require-two-factor';
import { registerStartTotpEnrolment } from './start-totp-enrolment';
import { registerTurnOffTotp } from './turn-off-totp';

export function registerTwoFactorRoutes(app: Router) {
  registerStartTotpEnrolment(app);
  registerConfirmTotpEnrolment(app);
  registerTurnOffTotp(app);
  registerGetTwoFactorSettings(app);
  registerRequireTwoFactor(app);
}
