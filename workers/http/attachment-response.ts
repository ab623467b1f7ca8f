import type { ServedType } from '../services/tickets/attachment-type';
import { contentDisposition } from './content-disposition';

/**
 * A stored upload as the admin app and the portal serve it: the sniffed type, never the
 * claimed one; a download unless it is an image or PDF a browser shows safely; and, should
 * a browser render it anyway, a sandbox with no scripts, no same origin and no sniffing.
 */
export function attachmentResponse(file: {
  bytes: Uint8Array;
  attachment: { name: string };
  served: ServedType;
}) {
  return new Response(file.bytes, {
    headers: {
      'content-type': file.served.contentType,
      'content-disposition': contentDisposition(
        file.served.inline ? 'inline' : 'attachment',
        file.attachment.name,
      ),
      'content-security-policy': 'sandbox',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
