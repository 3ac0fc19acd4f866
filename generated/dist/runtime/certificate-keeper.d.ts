/**
 * Platform certificates kept without manual steps: downloaded from `GET /v3/certificates`,
 * decrypted and checked (decodeCertificates), the response verified with the downloaded
 * certificates themselves, then added to the keys the client verifies with. A response or
 * notification signed with an unknown `Wechatpay-Serial` triggers a refresh (one download in flight
 * at a time, at most one per `minInterval`), and so does a certificate close to its expiry.
 */
import type { KeyObject } from 'node:crypto';
import { type PlatformCertificate } from './certificates.js';
import { type HeaderBag } from './signature.js';
export interface AutoCertificateOptions {
  /** Fewest milliseconds between two downloads caused by unknown serials (default 60 s). */
  minInterval?: number;
  /** Download again once a kept certificate expires within this many milliseconds (default 1 day; checked at most hourly). */
  refreshBeforeExpiry?: number;
}
/** The raw, unverified answer of `GET /v3/certificates`. */
export interface RawCertificatesResponse {
  headers: HeaderBag;
  body: Buffer;
}
export declare class CertificateKeeper {
  private readonly keys;
  private readonly download;
  private readonly secret;
  private readonly minInterval;
  private readonly refreshBeforeExpiry;
  private inFlight;
  /** When the last download finished (successfully or not), ms since the epoch; 0 before any. */
  private lastAttempt;
  private lastFailure;
  /** Expiry (ms) of each downloaded certificate, by serial. */
  private readonly expiries;
  constructor(
    keys: Map<string, KeyObject>,
    download: () => Promise<RawCertificatesResponse>,
    secret: () => string | Buffer,
    options?: AutoCertificateOptions,
  );
  /** Downloads, checks and keeps the current certificates; concurrent calls share one download. */
  refresh(): Promise<PlatformCertificate[]>;
  /**
   * Makes `serial` known if a download may: waits for one in flight, or starts one unless the last
   * finished less than `minInterval` ago. Never throws; the reason a download failed is returned.
   */
  learn(serial: string): Promise<Error | undefined>;
  /** Starts a background download when a kept certificate is close to expiry (at most hourly). */
  refreshIfExpiring(now?: number): void;
  private fetchAndKeep;
}
