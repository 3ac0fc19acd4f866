/** A download body: raw bytes, sent without a signature. */
export class Download {
  bytes;
  constructor(bytes) {
    this.bytes = bytes;
  }
}
/** Generated bill files, by token; the oldest go first beyond `limit`. */
export class BillFiles {
  limit;
  files = new Map();
  constructor(limit = 100) {
    this.limit = limit;
  }
  put(token, bytes) {
    this.files.set(token, bytes);
    if (this.files.size > this.limit) this.files.delete(this.files.keys().next().value);
  }
  get(token) {
    return this.files.get(token);
  }
}
export function errorBody(code, message, detail) {
  return detail === undefined
    ? {
        code,
        message,
      }
    : {
        code,
        message,
        detail,
      };
}
export function fail(status, code, message) {
  return {
    status,
    body: errorBody(code, message),
    mutated: false,
  };
}
/** `2015-05-20T13:29:35.120+08:00`: RFC 3339 in Beijing time, as WeChat Pay writes times. */
export function rfc3339Beijing(now) {
  const shifted = new Date(now + 8 * 36e5).toISOString();
  return `${shifted.slice(0, -1)}+08:00`;
}
