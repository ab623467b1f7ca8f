import type { Router } from '../router';
import { registerDeleteLogo } from './delete-logo';
import { registerGetLogo } from './get-logo';
import { registerGetSettings } from './get-settings';
import { registerUpdateSettings } from './update-settings';
import { registerUploadLogo } from './upload-logo';

export function registerSettingsRoutes(app: Router) {
  registerUploadLogo(app);
  registerGetLogo(app);
  registerDeleteLogo(app);
  registerGetSettings(app);
  registerUpdateSettings(app);
}
