import { execFileSync } from 'node:child_process';
import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oaepDecrypt, oaepEncrypt } from '../../../templates/runtime/oaep.ts';
import { UsageError, VerificationError } from '../../../templates/runtime/errors.ts';
import { hasOpenssl } from './openssl.ts';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const name = '张三 Zhang San';

describe('RSA-OAEP (SHA-1) sensitive fields', () => {
  it('round-trips UTF-8 text through a 2048-bit key pair', () => {
    const ciphertext = oaepEncrypt(name, publicKey);
    expect(Buffer.from(ciphertext, 'base64')).toHaveLength(256);
    expect(oaepDecrypt(ciphertext, privateKey)).toBe(name);
  });

  it('randomises the ciphertext: the same plaintext never encrypts twice alike', () => {
    const first = oaepEncrypt(name, publicKey);
    const second = oaepEncrypt(name, publicKey);
    expect(first).not.toBe(second);
    expect(oaepDecrypt(second, privateKey)).toBe(name);
  });

  it('uses SHA-1 for OAEP and MGF1, as the platform decrypts it', () => {
    const ciphertext = Buffer.from(oaepEncrypt(name, publicKey), 'base64');
    const opened = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, ciphertext);
    expect(opened.toString('utf8')).toBe(name);
    expect(() => privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, ciphertext)).toThrow();
  });

  it('decrypts what OpenSSL encrypts with OAEP/SHA-1, and OpenSSL decrypts ours', { skip: !hasOpenssl() }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oaep-'));
    try {
      const keyFile = path.join(dir, 'key.pem');
      const pubFile = path.join(dir, 'pub.pem');
      writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      writeFileSync(pubFile, publicKey.export({ type: 'spki', format: 'pem' }));
      const oaepSha1 = ['-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha1', '-pkeyopt', 'rsa_mgf1_md:sha1'];
      const fromOpenssl = execFileSync('openssl', ['pkeyutl', '-encrypt', '-pubin', '-inkey', pubFile, ...oaepSha1], { input: name });
      expect(oaepDecrypt(fromOpenssl.toString('base64'), privateKey)).toBe(name);
      const ours = Buffer.from(oaepEncrypt(name, publicKey), 'base64');
      expect(execFileSync('openssl', ['pkeyutl', '-decrypt', '-inkey', keyFile, ...oaepSha1], { input: ours }).toString('utf8')).toBe(name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a ciphertext for another key or damaged in transit with a VerificationError', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => oaepDecrypt(oaepEncrypt(name, other.publicKey), privateKey)).toThrow(VerificationError);
    const damaged = Buffer.from(oaepEncrypt(name, publicKey), 'base64');
    damaged[10] = (damaged[10] ?? 0) ^ 0xff;
    expect(() => oaepDecrypt(damaged.toString('base64'), privateKey)).toThrow(VerificationError);
    expect(() => oaepDecrypt(damaged.toString('base64'), privateKey)).toThrow(expect.objectContaining({ reason: 'decryption-failed' }));
  });

  it('offers no PKCS#1 v1.5 encryption: the output does not open as v1.5', () => {
    const ciphertext = Buffer.from(oaepEncrypt(name, publicKey), 'base64');
    // Node refuses v1.5 private decryption outright since CVE-2023-46809; either way it must not yield the plaintext.
    let opened: string | undefined;
    try {
      opened = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, ciphertext).toString('utf8');
    } catch {
      opened = undefined;
    }
    expect(opened).not.toBe(name);
  });
});

describe('RSA-OAEP input checks', () => {
  it('accepts the largest plaintext a 2048-bit key takes and refuses one byte more, without echoing it', () => {
    const largest = 'x'.repeat(256 - 42);
    expect(oaepDecrypt(oaepEncrypt(largest, publicKey), privateKey)).toBe(largest);
    const tooLong = `${largest}y`;
    let thrown: unknown;
    try {
      oaepEncrypt(tooLong, publicKey);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toContain('at most 214');
    expect((thrown as Error).message).not.toContain(tooLong);
  });

  it('refuses a key that is not RSA', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => oaepEncrypt(name, ec.publicKey)).toThrow(UsageError);
  });
});
