#!/usr/bin/env bash
# The example app: type-checks as a strict package consumer under TypeScript 5.9, 6 and 7, then runs its
# scenario against a sandbox started for the run (examples/run-against-sandbox.ts stops it again).
source "$(dirname "$0")/lib.sh"

check "examples types: TypeScript $("${TSC_5[@]}" -v)" "${TSC_5[@]}" -p examples
check "examples types: TypeScript $("${TSC_6[@]}" -v)" "${TSC_6[@]}" -p examples
check "examples types: TypeScript $("${TSC_7[@]}" -v)" "${TSC_7[@]}" -p examples
check "example scenario against the sandbox" node --import tsx examples/run-against-sandbox.ts
