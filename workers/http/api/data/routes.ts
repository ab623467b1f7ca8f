import type { Router } from '../router';
import { registerDownloadExport } from './download-export';
import { registerGetExport } from './get-export';
import { registerImportArchive } from './import-archive';
import { registerListExports } from './list-exports';
import { registerRequestExport } from './request-export';

export function registerDataRoutes(app: Router) {
  registerRequestExport(app);
  registerListExports(app);
  registerGetExport(app);
  registerDownloadExport(app);
  registerImportArchive(app);
}
