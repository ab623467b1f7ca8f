import type { Router } from '../router';
import { registerGetStripeSettings } from './get-stripe-settings';
import { registerRemoveStripe } from './remove-stripe';
import { registerSaveStripeSettings } from './save-stripe-settings';
import { registerStartStripeConnect } from './start-stripe-connect';

export function registerStripeSettingsRoutes(app: Router) {
  registerGetStripeSettings(app);
  registerSaveStripeSettings(app);
  registerStartStripeConnect(app);
  registerRemoveStripe(app);
}
