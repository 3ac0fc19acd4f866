/**
 * `node --import tsx examples/src/main.ts [config.json]`: runs the coupon-code scenario and the payment
 * flow (order, notification, query, refund, bill) against the configured host (meant for the sandbox:
 * it writes data and pays through the sandbox's control endpoint) and exits non-zero when an
 * expectation fails.
 */
import { Wechatpay, WechatpayError } from '@wechatpay-sdk/apiv3';
import { ConfigError, loadClientOptions } from './config.js';
import { Report } from './report.js';
import { runPaymentScenario } from './payment-scenario.js';
import { runScenario } from './scenario.js';

async function main(): Promise<number> {
  const configFile = process.argv[2] ?? process.env.WECHATPAY_CONFIG;
  const options = loadClientOptions(configFile, process.env);
  const wxpay = new Wechatpay({ ...options, timeout: 5_000 });
  console.log(`Scenario against ${options.baseURL} as merchant ${options.mchid}`);
  const report = new Report((line) => console.log(line));
  await runScenario(wxpay, report);
  if (options.secret === undefined) report.note('no APIv3 key configured: the payment flow (notifications) is skipped');
  else await runPaymentScenario(wxpay, { appid: 'wxd678efh567hg6787', mchid: options.mchid, sandboxURL: options.baseURL!, privateKey: options.privateKey as Buffer }, report);
  return report.finish() ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Configuration and SDK errors are expected outcomes: their message is enough (and never holds key material).
    if (error instanceof ConfigError || error instanceof WechatpayError) console.error(`${error.name}: ${error.message}`);
    else console.error(error);
    process.exitCode = 2;
  },
);
