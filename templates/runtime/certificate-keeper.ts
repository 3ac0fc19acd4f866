/**
 * Platform certificates kept without manual steps: downloaded from `GET /v3/certificates`,
 * decrypted and checked (decodeCertificates), the response verified with the downloaded
 * certificates themselves, then added to the keys the client verifies with. A response or
 * notification signed with an unknown `Wechatpay-Serial` triggers a refresh (one download in flight
 * at a time, at most one per `minInterval`), and so does a certificate close to its expiry.
 */
import type { KeyObject } from 'node:crypto';
import { decodeCertificates, type PlatformCertificate } from './certificates.js';
import { UsageError } from './errors.js';
import { verifyHeaders, type HeaderBag } from './signature.js';

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

const DEFAULT_MIN_INTERVAL = 60_000;
const DEFAULT_REFRESH_BEFORE_EXPIRY = 86_400_000;
const EXPIRY_CHECK_INTERVAL = 3_600_000;

export class CertificateKeeper {
  private readonly keys: Map<string, KeyObject>;
  private readonly download: () => Promise<RawCertificatesResponse>;
  private readonly secret: () => string | Buffer;
  private readonly minInterval: number;
  private readonly refreshBeforeExpiry: number;
  private inFlight: Promise<PlatformCertificate[]> | undefined;
  /** When the last download finished (successfully or not), ms since the epoch; 0 before any. */
  private lastAttempt = 0;
  private lastFailure: Error | undefined;
  /** Expiry (ms) of each downloaded certificate, by serial. */
  private readonly expiries = new Map<string, number>();

  constructor(
    keys: Map<string, KeyObject>,
    download: () => Promise<RawCertificatesResponse>,
    secret: () => string | Buffer,
    options: AutoCertificateOptions = {},
  ) {
    const { minInterval = DEFAULT_MIN_INTERVAL, refreshBeforeExpiry = DEFAULT_REFRESH_BEFORE_EXPIRY } = options;
    if (!(Number.isFinite(minInterval) && minInterval >= 0)) throw new UsageError('autoCertificates.minInterval must be milliseconds (>= 0)');
    if (!(Number.isFinite(refreshBeforeExpiry) && refreshBeforeExpiry >= 0)) {
      throw new UsageError('autoCertificates.refreshBeforeExpiry must be milliseconds (>= 0)');
    }
    this.keys = keys;
    this.download = download;
    this.secret = secret;
    this.minInterval = minInterval;
    this.refreshBeforeExpiry = refreshBeforeExpiry;
  }

  /** Downloads, checks and keeps the current certificates; concurrent calls share one download. */
  refresh(): Promise<PlatformCertificate[]> {
    this.inFlight ??= this.fetchAndKeep().finally(() => {
      this.lastAttempt = Date.now();
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /**
   * Makes `serial` known if a download may: waits for one in flight, or starts one unless the last
   * finished less than `minInterval` ago. Never throws; the reason a download failed is returned.
   */
  async learn(serial: string): Promise<Error | undefined> {
    if (this.keys.has(serial)) return undefined;
    if (this.inFlight === undefined && this.lastAttempt !== 0 && Date.now() - this.lastAttempt < this.minInterval) return this.lastFailure;
    try {
      await this.refresh();
    } catch {
      // Recorded in lastFailure by fetchAndKeep.
    }
    return this.lastFailure;
  }

  /** Starts a background download when a kept certificate is close to expiry (at most hourly). */
  refreshIfExpiring(now: number = Date.now()): void {
    if (this.inFlight !== undefined || this.expiries.size === 0 || now - this.lastAttempt < EXPIRY_CHECK_INTERVAL) return;
    const soonest = Math.min(...this.expiries.values());
    if (soonest - now > this.refreshBeforeExpiry) return;
    // The failure is kept for the next learn(); requests go on with the keys they have.
    this.refresh().catch(() => undefined);
  }

  private async fetchAndKeep(): Promise<PlatformCertificate[]> {
    try {
      const { headers, body } = await this.download();
      const decoded = decodeCertificates(body, this.secret());
      // The first download has no key of its own to trust: the certificates it carries must sign it.
      verifyHeaders(headers, body, new Map([...this.keys, ...decoded.keys]));
      const now = Date.now();
      for (const [serial, expiry] of this.expiries) {
        if (expiry < now) {
          this.expiries.delete(serial);
          this.keys.delete(serial);
        }
      }
      for (const certificate of decoded.certificates) {
        this.keys.set(certificate.serial, certificate.publicKey);
        this.expiries.set(certificate.serial, certificate.validTo.getTime());
      }
      this.lastFailure = undefined;
      return decoded.certificates;
    } catch (error) {
      this.lastFailure = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }
}
