#!/usr/bin/env node
import { runCli } from './runtime/cli.js';
import { Wechatpay } from './index.js';
process.exitCode = await runCli(process.argv.slice(2), Wechatpay);
