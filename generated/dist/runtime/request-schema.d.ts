/**
 * The data the generator emits for request validation (`dist/validators.js`): one JSON Schema per
 * operation. Kept apart from the ajv-backed checks so the generator can share these definitions
 * without loading ajv.
 */
/** The subset of JSON Schema the generator emits for requests (draft-07 plus OpenAPI's `nullable`). */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number | null)[];
  nullable?: boolean;
  format?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
}
/**
 * The request schema of each operation, keyed `'<method> <path template>'`:
 * `'post v3/marketing/busifavor/stocks/{stock_id}/couponcodes'`. Operations with nothing to check are absent.
 */
export type RequestSchemaTable = Readonly<Record<string, JsonSchema>>;
/**
 * Formats the schemas may name, as regular expressions. Every other spec format (`base64`, `MediaId`, ...)
 * is documentation only and is not emitted.
 */
export declare const CHECKED_FORMATS: Readonly<Record<string, RegExp>>;
