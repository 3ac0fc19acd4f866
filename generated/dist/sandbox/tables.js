/** `'post v3/pay/transactions/jsapi'`: how operations are keyed in every table. */
export function operationKey(method, path) {
  return `${method.toLowerCase()} ${path.replace(/^\/+/, '')}`;
}
/** The operation's own documented error matching `pattern` (code or description), else `fallback`. */
export function documentedError(operation, pattern, fallback) {
  const found = operation?.errors.find((error) => pattern.test(error.code) || pattern.test(error.description));
  return found ?? fallback;
}
