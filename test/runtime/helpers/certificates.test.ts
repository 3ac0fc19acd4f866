import { randomBytes, sign, verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { aesGcmEncrypt } from '../../../templates/runtime/aead.ts';
import { decodeCertificates } from '../../../templates/runtime/certificates.ts';
import type { CertificatesResponse } from '../../../templates/runtime/certificates.ts';
import { UsageError, VerificationError } from '../../../templates/runtime/errors.ts';
import { verifyHeaders } from '../../../templates/runtime/signature.ts';
import { hasOpenssl, issueCertificate, type IssuedCertificate } from './openssl.ts';

const secret = randomBytes(24).toString('base64');
const DAY = 86_400;
// One day into the validity of certificates issued during this run: clear of both of their edges.
const nowSeconds = Math.floor(Date.now() / 1000) + DAY;

type Entry = CertificatesResponse['data'][number];

function entry(serial: string, pem: string, nonce?: string): Entry {
  const sealed = aesGcmEncrypt({ plaintext: pem, associatedData: 'certificate', ...(nonce ? { nonce } : {}) }, secret);
  return {
    serial_no: serial,
    effective_time: '2024-01-01T00:00:00+08:00',
    expire_time: '2029-01-01T00:00:00+08:00',
    encrypt_certificate: { algorithm: 'AEAD_AES_256_GCM', nonce: sealed.nonce, associated_data: 'certificate', ciphertext: sealed.ciphertext },
  };
}

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe.skipIf(!hasOpenssl())('decodeCertificates', () => {
  // Two certificates, as during a platform key rotation; one serial with a leading zero nibble.
  // Issued in beforeAll: a skipped suite's body still runs to collect its tests.
  let current: IssuedCertificate;
  let next: IssuedCertificate;
  let response: CertificatesResponse;
  beforeAll(() => {
    current = issueCertificate('5157F09EFDC096DE15EBE81A47057A7232F1B8E1');
    next = issueCertificate('0A1B2C3D4E5F60718293A4B5C6D7E8F901234567', 365);
    response = {
      data: [entry('5157F09EFDC096DE15EBE81A47057A7232F1B8E1', current.pem), entry('0A1B2C3D4E5F60718293A4B5C6D7E8F901234567', next.pem)],
    };
  });

  it('decrypts and returns every certificate, keyed by serial, with usable public keys', () => {
    const decoded = decodeCertificates(response, secret, nowSeconds);
    expect(decoded.certificates.map((certificate) => certificate.serial)).toEqual([
      '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567',
    ]);
    expect(decoded.certs).toEqual({
      '5157F09EFDC096DE15EBE81A47057A7232F1B8E1': current.pem,
      '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567': next.pem,
    });
    expect([...decoded.keys.keys()]).toEqual(Object.keys(decoded.certs));
    const message = Buffer.from('1700000000\nnonce\n{}\n');
    const signature = sign('sha256', message, next.privateKey);
    expect(verify('sha256', message, decoded.keys.get('0A1B2C3D4E5F60718293A4B5C6D7E8F901234567')!, signature)).toBe(true);
    const [first] = decoded.certificates;
    expect(first?.expireTime).toBe('2029-01-01T00:00:00+08:00');
    expect(first!.validTo.getTime() - first!.validFrom.getTime()).toBe(30 * DAY * 1000);
  });

  it('bootstraps trust: the downloaded keys verify the signature of the very response that carried them', () => {
    const rawBody = JSON.stringify(response);
    const timestamp = String(nowSeconds);
    const nonce = 'n0nce';
    const signature = sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${rawBody}\n`), current.privateKey).toString('base64');
    const headers = { 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': nonce, 'Wechatpay-Signature': signature, 'Wechatpay-Serial': '5157F09EFDC096DE15EBE81A47057A7232F1B8E1' };
    const decoded = decodeCertificates(rawBody, secret, nowSeconds);
    expect(() => verifyHeaders(headers, rawBody, decoded.keys, nowSeconds)).not.toThrow();
    expect(() => verifyHeaders(headers, rawBody.replace('2029', '2030'), decoded.keys, nowSeconds)).toThrow(VerificationError);
  });

  it('takes the raw body as a string or Buffer alike', () => {
    const raw = JSON.stringify(response);
    expect(Object.keys(decodeCertificates(raw, secret, nowSeconds).certs)).toHaveLength(2);
    expect(Object.keys(decodeCertificates(Buffer.from(raw), Buffer.from(secret), nowSeconds).certs)).toHaveLength(2);
  });

  it('matches serials as integers: case and leading zeros do not matter', () => {
    const padded = issueCertificate('00000000000000000000000000000000000000FF');
    const decoded = decodeCertificates({ data: [entry('00000000000000000000000000000000000000ff', padded.pem)] }, secret, nowSeconds);
    expect(Object.keys(decoded.certs)).toEqual(['00000000000000000000000000000000000000ff']);
  });

  it('refuses a certificate listed under a serial that is not its own', () => {
    const swapped = { data: [response.data[0]!, entry('5157F09EFDC096DE15EBE81A47057A7232F1B8E2', next.pem)] };
    const error = failure(() => decodeCertificates(swapped, secret, nowSeconds));
    expect(error).toBeInstanceOf(VerificationError);
    expect((error as VerificationError).reason).toBe('certificate-invalid');
    expect(error.message).toContain('0A1B2C3D4E5F60718293A4B5C6D7E8F901234567');
  });

  it('refuses a certificate outside its validity at the given time', () => {
    const expired = failure(() => decodeCertificates(response, secret, nowSeconds + 30 * DAY));
    expect((expired as VerificationError).reason).toBe('certificate-invalid');
    expect(expired.message).toContain('5157F09EFDC096DE15EBE81A47057A7232F1B8E1');
    const early = failure(() => decodeCertificates(response, secret, nowSeconds - 2 * DAY));
    expect(early).toBeInstanceOf(VerificationError);
  });

  it('refuses a tampered certificate and the wrong APIv3 key, never echoing the key', () => {
    const [first] = response.data;
    const tampered: CertificatesResponse = {
      data: [{ ...first!, encrypt_certificate: { ...first!.encrypt_certificate, associated_data: 'transaction' } }],
    };
    const error = failure(() => decodeCertificates(tampered, secret, nowSeconds));
    expect(error).toBeInstanceOf(VerificationError);
    const otherKey = randomBytes(24).toString('base64');
    const wrongKey = failure(() => decodeCertificates(response, otherKey, nowSeconds));
    expect(wrongKey).toBeInstanceOf(VerificationError);
    expect((wrongKey as VerificationError).reason).toBe('decryption-failed');
    for (const thrown of [error, wrongKey]) {
      const text = `${thrown.message} ${thrown.stack ?? ''}`;
      expect(text).not.toContain(secret);
      expect(text).not.toContain(otherKey);
    }
  });

  it('refuses a ciphertext that decrypts to something other than a certificate', () => {
    const notACertificate = entry('5157F09EFDC096DE15EBE81A47057A7232F1B8E1', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    expect(() => decodeCertificates({ data: [notACertificate] }, secret, nowSeconds)).toThrow(
      expect.objectContaining({ name: 'VerificationError', reason: 'certificate-invalid' }),
    );
  });

  it('reports malformed responses with the path of the bad member', () => {
    expect(() => decodeCertificates('not json', secret, nowSeconds)).toThrow(UsageError);
    expect(() => decodeCertificates({} as CertificatesResponse, secret, nowSeconds)).toThrow(/data array/);
    const noSerial = { data: [response.data[0]!, { ...response.data[1]!, serial_no: undefined }] } as unknown as CertificatesResponse;
    expect(() => decodeCertificates(noSerial, secret, nowSeconds)).toThrow(/data\[1\]\.serial_no/);
    const sm4 = { data: [{ ...response.data[0]!, encrypt_certificate: { ...response.data[0]!.encrypt_certificate, algorithm: 'AEAD_SM4_GCM' } }] };
    expect(() => decodeCertificates(sm4, secret, nowSeconds)).toThrow(/data\[0\]\.encrypt_certificate\.algorithm/);
  });
});
