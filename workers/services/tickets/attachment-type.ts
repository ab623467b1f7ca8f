import { unzipSync } from 'fflate';

/**
 * What an uploaded file is served as. The type a browser or mail program claimed is never
 * trusted: an `image/png` that is really HTML would run as a page on our origin. The bytes
 * decide, from a short allowlist; anything else is a download of opaque bytes.
 */
export interface ServedType {
  contentType: string;
  /** Shown in the browser (images a browser decodes safely, PDFs); everything else downloads. */
  inline: boolean;
}

const OCTET_STREAM: ServedType = { contentType: 'application/octet-stream', inline: false };

const startsWith = (b: Uint8Array, sig: number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

const OOXML: [prefix: string, type: string][] = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

/** Legacy Office files share one container (OLE compound file); the name tells which program. */
const OLE_BY_EXTENSION: Record<string, string> = {
  doc: 'application/msword',
  dot: 'application/msword',
  xls: 'application/vnd.ms-excel',
  xlt: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  pps: 'application/vnd.ms-powerpoint',
};

/** An Office Open XML package: a ZIP whose directory has `[Content_Types].xml` and a part folder. */
function ooxmlType(bytes: Uint8Array): string | null {
  const names: string[] = [];
  try {
    // The filter sees each central-directory entry and declines it: nothing is inflated.
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  if (!names.includes('[Content_Types].xml')) return null;
  return OOXML.find(([prefix]) => names.some((n) => n.startsWith(prefix)))?.[1] ?? null;
}

/** UTF-8 that decodes without error and holds no NUL: what a text editor would open as text. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The type to serve a stored attachment with, from its magic bytes.
 *
 * @example
 * servedType(new TextEncoder().encode('<svg onload=alert(1)>'), 'x.svg')
 * // → { contentType: 'text/plain; charset=utf-8', inline: false }
 */
export function servedType(bytes: Uint8Array, name: string): ServedType {
  if (startsWith(bytes, ascii('%PDF-'))) return { contentType: 'application/pdf', inline: true };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { contentType: 'image/png', inline: true };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', inline: true };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')))
    return { contentType: 'image/gif', inline: true };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return { contentType: 'image/webp', inline: true };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const type = ooxmlType(bytes);
    return type ? { contentType: type, inline: false } : OCTET_STREAM;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const type = OLE_BY_EXTENSION[name.split('.').pop()?.toLowerCase() ?? ''];
    return type ? { contentType: type, inline: false } : OCTET_STREAM;
  }
  if (isPlainText(bytes)) return { contentType: 'text/plain; charset=utf-8', inline: false };
  return OCTET_STREAM;
}
