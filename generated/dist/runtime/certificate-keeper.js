import { decodeCertificates } from './certificates.js';
import { UsageError } from './errors.js';
import { verifyHeaders } from './signature.js';
const DEFAULT_MIN_INTERVAL = 6e4;
const DEFAULT_REFRESH_BEFORE_EXPIRY = 864e5;
const EXPIRY_CHECK_INTERVAL = 36e5;
export class CertificateKeeper {
  keys;
  download;
  secret;
  minInterval;
  refreshBeforeExpiry;
  inFlight;
  /** When the last download finished (successfully or not), ms since the epoch; 0 before any. */
  lastAttempt = 0;
  lastFailure;
  /** Expiry (ms) of each downloaded certificate, by serial. */
  expiries = new Map();
  constructor(keys, download, secret, options = {}) {
    const { minInterval = DEFAULT_MIN_INTERVAL, refreshBeforeExpiry = DEFAULT_REFRESH_BEFORE_EXPIRY } = options;
    if (!(Number.isFinite(minInterval) && minInterval >= 0))
      throw new UsageError('autoCertificates.minInterval must be milliseconds (>= 0)');
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
  refresh() {
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
  async learn(serial) {
    if (this.keys.has(serial)) return undefined;
    if (this.inFlight === undefined && this.lastAttempt !== 0 && Date.now() - this.lastAttempt < this.minInterval)
      return this.lastFailure;
    try {
      await this.refresh();
    } catch {}
    return this.lastFailure;
  }
  /** Starts a background download when a kept certificate is close to expiry (at most hourly). */
  refreshIfExpiring(now = Date.now()) {
    if (this.inFlight !== undefined || this.expiries.size === 0 || now - this.lastAttempt < EXPIRY_CHECK_INTERVAL)
      return;
    const soonest = Math.min(...this.expiries.values());
    if (soonest - now > this.refreshBeforeExpiry) return;
    // The failure is kept for the next learn(); requests go on with the keys they have.
    this.refresh().catch(() => undefined);
  }
  async fetchAndKeep() {
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
