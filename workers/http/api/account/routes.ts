import type { Router } from '../router';
import { registerChangeEmail } from './change-email';
import { registerChangePassword } from './change-password';
import { registerGetProfile } from './get-profile';
import { registerListDevices } from './list-devices';
import { registerRequestPasswordReset } from './request-password-reset';
import { registerResendEmailVerification } from './resend-email-verification';
import { registerResetPassword } from './reset-password';
import { registerSignOutDevice } from './sign-out-device';
import { registerSignOutOtherDevices } from './sign-out-other-devices';
import { registerUpdateProfile } from './update-profile';
import { registerVerifyEmail } from './verify-email';

/** A person's own account: password reset, confirmed address, profile, signed-in devices. */
export function registerAccountRoutes(app: Router) {
  registerRequestPasswordReset(app);
  registerResetPassword(app);
  registerResendEmailVerification(app);
  registerVerifyEmail(app);
  registerGetProfile(app);
  registerUpdateProfile(app);
  registerChangePassword(app);
  registerChangeEmail(app);
  registerListDevices(app);
  registerSignOutDevice(app);
  registerSignOutOtherDevices(app);
}
