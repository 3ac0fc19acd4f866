/**
 * The slow checks (the whole public corpus, CLIs spawned through a TypeScript loader) run only in
 * the full suite, `npm run test:full`, which CI runs; `npm test` stays fast for everyday work.
 */
export const fullRun: boolean = process.env.TEST_FULL === '1';
