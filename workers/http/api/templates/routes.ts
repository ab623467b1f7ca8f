import type { Router } from '../router';
import { registerDeleteClientTemplate } from './delete-client-template';
import { registerGetClientTemplate } from './get-client-template';
import { registerGetTemplate } from './get-template';
import { registerPreviewTemplate } from './preview-template';
import { registerSaveClientTemplate } from './save-client-template';
import { registerSaveTemplate } from './save-template';

export function registerTemplateRoutes(app: Router) {
  registerGetTemplate(app);
  registerSaveTemplate(app);
  registerPreviewTemplate(app);
  registerGetClientTemplate(app);
  registerSaveClientTemplate(app);
  registerDeleteClientTemplate(app);
}
