import type { Router } from '../router';
import { registerFinishStripeOauth } from './finish-stripe-oauth';
import { registerGetStripeSettings } from './get-stripe-settings';
import { registerRemoveStripe } from './remove-stripe';
import { registerSaveStripeSettings } from './save-stripe-settings';
import { registerStartStripeConnect } from './start-stripe-connect';
import { registerStartStripeOauth } from './start-stripe-oauth';

export function registerStripeSettingsRoutes(app: Router) {
  registerGetStripeSettings(app);
  registerSaveStripeSettings(app);
  registerStartStripeConnect(app);
  registerStartStripeOauth(app);
  registerFinishStripeOauth(app);
  registerRemoveStripe(app);
}
