#!/usr/bin/env bash
# Package quality of generated/ as it would be published: publint, attw (ESM-only package), plain Node
# import by name, and a strict consumer (test/package/consumer) compiled by TypeScript 5.9, 6 and 7.
source "$(dirname "$0")/lib.sh"

check "publint generated (warnings count as errors)" node node_modules/publint/src/cli.js generated --strict
check "attw --pack generated --profile esm-only" node node_modules/@arethetypeswrong/cli/dist/index.js --pack generated --profile esm-only --no-color
check "node imports the package by name (ESM)" node --input-type=module -e "
  const sdk = await import('@wechatpay-sdk/apiv3');
  for (const name of ['Wechatpay', 'ApiError', 'UsageError', 'WechatpayError']) {
    if (typeof sdk[name] !== 'function') throw new Error(name + ' is not exported as a class');
  }"
check "consumer types: TypeScript $("${TSC_5[@]}" -v)" "${TSC_5[@]}" -p test/package/consumer
check "consumer types: TypeScript $("${TSC_6[@]}" -v)" "${TSC_6[@]}" -p test/package/consumer
check "consumer types: TypeScript $("${TSC_7[@]}" -v)" "${TSC_7[@]}" -p test/package/consumer
