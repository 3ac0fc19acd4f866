/**
 * Formats the schemas may name, as regular expressions. Every other spec format (`base64`, `MediaId`, ...)
 * is documentation only and is not emitted.
 */
export const CHECKED_FORMATS = {
  rfc3339: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i,
  // Parameters travel as text; these say what text a numeric or boolean parameter may be.
  'wire-integer': /^-?\d+$/,
  'wire-number': /^-?\d+(?:\.\d+)?$/,
  'wire-boolean': /^(?:true|false)$/,
};
