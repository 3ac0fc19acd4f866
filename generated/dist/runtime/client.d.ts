/**
 * The client: options, and the request pipeline (path parameters -> URL -> exact body bytes ->
 * signature -> axios -> verified, parsed response or a typed error).
 */
import { type AxiosPromise, type AxiosRequestConfig } from 'axios';
import { KeyObject } from 'node:crypto';
import { Readable } from 'node:stream';
import { type BillDownloadOptions, type BillFile } from './bill.js';
import { type AutoCertificateOptions } from './certificate-keeper.js';
import type { PlatformCertificate } from './certificates.js';
import {
  type AppInvocation,
  type InvocationOverrides,
  type InvocationRequest,
  type JsapiInvocation,
} from './invocation.js';
import { type NotificationRequest, type VerifiedNotification } from './notification.js';
import { type OperationTable } from './operations.js';
import type { RequestSchemaTable } from './request-schema.js';
import { type RetryOptions } from './retry.js';
import { type NotificationCallback, type NotificationHandler, type NotificationHandlerOptions } from './webhook.js';
declare module 'axios' {
  interface AxiosRequestConfig {
    /** Per-call retry policy; `false` turns the client's policy off for this call. */
    retry?: RetryOptions | false;
    /** Marks a POST/PUT/PATCH safe to retry on 429, 5xx and network failures. */
    idempotent?: boolean;
    /** Per-call request validation against the spec; `false` skips it for this call. */
    validate?: boolean;
  }
}
export declare const DEFAULT_BASE_URL = 'https://api.mch.weixin.qq.com';
export declare const DEFAULT_TIMEOUT = 1e4;
/** Largest (decompressed) response body buffered for verification; JSON answers are far smaller. */
export declare const DEFAULT_MAX_RESPONSE_BYTES: number;
/** How much of an error response's (decompressed) body is read and kept on the `ApiError`. */
export declare const DEFAULT_MAX_ERROR_BYTES: number;
/** A PEM string or Buffer, or a KeyObject. */
export type KeyInput = string | Buffer | KeyObject;
export interface ClientOptions extends Omit<
  AxiosRequestConfig,
  'url' | 'method' | 'data' | 'params' | 'baseURL' | 'timeout' | 'retry'
> {
  /** Merchant id. */
  mchid: string;
  /** Serial number of the merchant API certificate. */
  serial: string;
  /** The merchant API private key (`apiclient_key.pem`). */
  privateKey: KeyInput;
  /**
   * Platform keys by platform certificate serial or WeChat Pay public key id (`PUB_KEY_ID_...`): PEM
   * public keys, certificates or KeyObjects. May be left out with `autoCertificates`.
   */
  certs?: Record<string, KeyInput>;
  /**
   * Download the platform certificates from `GET /v3/certificates` (needs `secret`): on the first
   * response signed with a serial not in `certs`, again on any later unknown serial (rate-limited)
   * and before a kept certificate expires.
   */
  autoCertificates?: boolean | AutoCertificateOptions;
  /** The 32-byte APIv3 key (notification and certificate decryption). */
  secret?: string | Buffer;
  baseURL?: string;
  /** Milliseconds for the whole call, response body included (a deadline, not an idle timeout); default 10 s, 0 for none. */
  timeout?: number;
  /** Largest 2xx body (after decompression) read for verification, default 10 MiB; larger ones fail with `NetworkError` `ERR_RESPONSE_TOO_LARGE`. Downloads are streams and not capped. */
  maxResponseBytes?: number;
  /** How much of an error body (after decompression) is read and kept on `ApiError.body`, default 64 KiB. */
  maxErrorBytes?: number;
  /** Opt-in retries for GET/DELETE and calls marked `idempotent`. */
  retry?: RetryOptions;
  /** Checks every request against the spec before it is signed or sent (default `true`); a call's `validate` overrides it. */
  validate?: boolean;
}
/** An encrypted `resource` of a notification (or `encrypt_certificate` of a certificate), as WeChat Pay sends it. */
export interface EncryptedResource {
  /** `AEAD_AES_256_GCM`; when present it must be that. */
  algorithm?: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
}
/** Config of a call on a path without a spec: path parameters by placeholder name, plus axios options. */
export interface UntypedRequestConfig extends AxiosRequestConfig {
  [pathParameter: string]: unknown;
}
/** An endpoint without a spec: every verb, untyped data. */
export interface UntypedEndpoint {
  (data?: unknown, config?: UntypedRequestConfig): AxiosPromise<unknown>;
  get(config?: UntypedRequestConfig): AxiosPromise<unknown>;
  delete(config?: UntypedRequestConfig): AxiosPromise<unknown>;
  post(data?: unknown, config?: UntypedRequestConfig): AxiosPromise<unknown>;
  put(data?: unknown, config?: UntypedRequestConfig): AxiosPromise<unknown>;
  patch(data?: unknown, config?: UntypedRequestConfig): AxiosPromise<unknown>;
}
export interface ClientMethods<Paths, Events = object> {
  /**
   * Declarative style: `wxpay.chain('v3/marketing/busifavor/stocks/{stock_id}/couponcodes')`; the path
   * is taken literally and must be one the specs declare (a typo is a type error).
   */
  chain<P extends keyof Paths & string>(path: P): Paths[P];
  /**
   * The one escape hatch for an endpoint the specs lack: `wxpay.untyped('v3/new/api/{id}')` sends and
   * verifies like any other call, with untyped data and config.
   */
  untyped(path: string): UntypedEndpoint;
  /**
   * RSA-OAEP (SHA-1) encryption of a sensitive field with a platform key (the given serial or key id,
   * else a `PUB_KEY_ID_...` key, else the first configured). The request whose body carries the
   * result gets the matching `Wechatpay-Serial` header.
   */
  encrypt(plaintext: string, serial?: string): string;
  /**
   * Verifies a webhook notification with the configured `certs` and decrypts its `resource` with the
   * configured `secret` (see the standalone `verifyNotification` for the errors thrown).
   */
  verifyNotification<Resource = Record<string, unknown>>(request: NotificationRequest): VerifiedNotification<Resource>;
  /** Decrypts an AEAD_AES_256_GCM resource with the configured `secret`; returns the UTF-8 plaintext. */
  decrypt(resource: EncryptedResource): string;
  /**
   * The notification endpoint: verifies (refreshing platform certificates when `autoCertificates` is
   * on), decrypts, calls `callback` with the event typed by its `event_type`, and answers WeChat Pay.
   */
  notificationHandler(
    callback: NotificationCallback<Events>,
    options?: NotificationHandlerOptions,
  ): NotificationHandler;
  /** `wx.requestPayment` / JSAPI parameters for a `prepay_id`, signed with the merchant key. */
  jsapiInvocation(request: InvocationRequest, overrides?: InvocationOverrides): JsapiInvocation;
  /** APP SDK parameters for a `prepay_id`, signed with the merchant key. */
  appInvocation(request: InvocationRequest, overrides?: InvocationOverrides): AppInvocation;
  /** Downloads the platform certificates now (needs `secret`), checks them and adds them to the keys in use. */
  refreshCertificates(): Promise<PlatformCertificate[]>;
  /**
   * Streams the bill file of a `v3/bill/tradebill` / `v3/bill/fundflowbill` response, decompressed
   * when `tar_type` is `GZIP`; the stream fails with `VerificationError` (`hash-mismatch`) at its end
   * when the SHA1 differs from `hash_value`.
   */
  downloadBill(bill: BillFile, options?: BillDownloadOptions): Promise<Readable>;
}
/** A client: the property chain (`Endpoints`), `chain(path)`, attribute access `wxpay['v3/...']`, all typed; `untyped(path)` for the rest. */
export type Client<Endpoints, Paths, Events = object> = ClientMethods<Paths, Events> & Endpoints & Paths;
/** `Events` maps each notification `event_type` to its decrypted resource (the generated `Notifications`). */
export interface ClientConstructor<Endpoints, Paths, Events = object> {
  new (options: ClientOptions): Client<Endpoints, Paths, Events>;
}
/**
 * The client class for an operation table and, optionally, the request schemas to validate calls with
 * (the generated package passes the table and schemas emitted from the specs).
 */
export declare function createClientClass<Endpoints = object, Paths = object, Events = object>(
  operations: OperationTable,
  validators?: RequestSchemaTable,
): ClientConstructor<Endpoints, Paths, Events>;
