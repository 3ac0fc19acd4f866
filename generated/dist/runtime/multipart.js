/**
 * `multipart/form-data` for media uploads, built by hand so the bytes are known: the request
 * signature covers the `meta` JSON, which must be byte-identical to the `meta` part sent.
 */
import { randomBytes } from 'node:crypto';
import { basename, extname } from 'node:path';
import { UsageError } from './errors.js';
const MEDIA_TYPES = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.bmp': 'image/bmp',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.avi': 'video/x-msvideo',
  '.mov': 'video/quicktime',
  '.pdf': 'application/pdf',
};
export function isMultipartData(data) {
  return typeof data === 'object' && data !== null && 'meta' in data && 'file' in data;
}
export async function buildMultipart(data) {
  const meta = typeof data.meta === 'string' ? data.meta : JSON.stringify(data.meta);
  if (meta === undefined) throw new UsageError('multipart meta must be JSON text or a JSON-serialisable object');
  const file = await fileBytes(data.file);
  const filename = fileName(meta, data.file);
  const mediaType = MEDIA_TYPES[extname(filename).toLowerCase()] ?? 'application/octet-stream';
  const boundary = `----WechatpayFormBoundary${randomBytes(12).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n${meta}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoteFilename(filename)}"\r\n` +
        `Content-Type: ${mediaType}\r\n\r\n`,
      'utf8',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return {
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
    meta,
  };
}
async function fileBytes(file) {
  if (Buffer.isBuffer(file)) return file;
  if (file instanceof Uint8Array) return Buffer.from(file);
  if (typeof file === 'object' && file !== null && Symbol.asyncIterator in file) {
    const chunks = [];
    for await (const chunk of file) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new UsageError('multipart file must be a Buffer, a Uint8Array or a readable stream');
}
/** The meta's `filename`, else the stream's file path, else a neutral name. */
function fileName(meta, file) {
  try {
    const parsed = JSON.parse(meta);
    if (typeof parsed === 'object' && parsed !== null && 'filename' in parsed && typeof parsed.filename === 'string') {
      return parsed.filename;
    }
  } catch {}
  if (typeof file === 'object' && file !== null && 'path' in file && typeof file.path === 'string')
    return basename(file.path);
  return 'file';
}
function quoteFilename(name) {
  return name.replace(/["\r\n\\]/g, (character) => encodeURIComponent(character));
}
