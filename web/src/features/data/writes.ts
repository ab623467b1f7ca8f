import { actionKey, http, unwrap } from '../../api/http';

export const requestExport = (key?: string) => unwrap(http.POST('/exports', actionKey(key)));

export const importArchive = (file: File, key?: string) =>
  unwrap(
    http.POST('/imports', {
      // The document types a ZIP body as a string (its bytes); the file itself goes out
      // through the serializer.
      body: '',
      bodySerializer: () => file,
      headers: { 'content-type': 'application/zip', ...actionKey(key).headers },
    }),
  );
