#!/bin/sh
# Lists every function of the built hypervisor that touches FP/SIMD registers.
# Expected: only the deliberate asm (fpsimd save/restore/NEON copy, inlined into
# callers, and the host's V7 update) plus the guest blob (fill_fp, check_fp,
# and `hello`, which is data). Anything else (e.g. memset/memcpy from
# compiler_builtins) would clobber guest or host FP state.
set -e
cd "$(dirname "$0")/.."
BIN=target/aarch64-unknown-none/release/el2emu-hyp
llvm-objdump -d --no-show-raw-insn "$BIN" | awk '
  /^[0-9a-f]+ <.*>:/ { fn = $2; next }
  $0 ~ /[^a-z0-9_](q|v|d|s|h)[0-9]+([^0-9]|$)/ && $0 !~ /\t(b|bl|b\.[a-z]+|cbz|cbnz|adrp|adr)\t/ { n[fn]++ }
  END { for (f in n) printf "%5d %s\n", n[f], f }' | sort -rn
