import type { Router } from '../router';
import { registerGetStripeSettings } from './get-stripe-settings';
import { registerRemoveStripe } from './remove-stripe';
import { registerSaveStripeSettings } from './save-stripe-settings';

export function registerStripeSettingsRoutes(app: Router) {
  registerGetStripeSettings(app);
  registerSaveStripeSettings(app);
  registerRemoveStripe(app);
}
