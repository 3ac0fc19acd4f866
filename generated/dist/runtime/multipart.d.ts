export interface MultipartData {
  /** JSON text, or an object serialised here (`{ filename, sha256 }`). */
  meta: unknown;
  /** The file's bytes: a Buffer, a Uint8Array or a readable stream (e.g. `fs.createReadStream`). */
  file: unknown;
}
export interface MultipartBody {
  body: Buffer;
  contentType: string;
  /** The `meta` JSON exactly as sent: the BODY of the request signature. */
  meta: string;
}
export declare function isMultipartData(data: unknown): data is MultipartData;
export declare function buildMultipart(data: MultipartData): Promise<MultipartBody>;
