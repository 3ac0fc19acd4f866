import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Whether the `openssl` CLI can be run; Node can parse X.509 certificates but cannot issue them. */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface IssuedCertificate {
  pem: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Issues a self-signed platform-style certificate with the given serial (hex) from a key generated now. */
export function issueCertificate(serialHex: string, days = 30): IssuedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dir = mkdtempSync(path.join(tmpdir(), 'wechatpay-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    execFileSync(
      'openssl',
      ['req', '-x509', '-new', '-key', keyFile, '-sha256', '-days', String(days), '-subj', '/O=Tenpay.com/CN=Tenpay.com Root CA', '-set_serial', `0x${serialHex}`, '-out', certFile],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { pem: readFileSync(certFile, 'utf8'), privateKey, publicKey };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
