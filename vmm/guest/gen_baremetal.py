#!/usr/bin/env python3
"""Regenerate vmm/src/guest/baremetal_code.rs from the assembly below (developer tool only:
needs llvm-mc + llvm-objdump; the VMM build itself needs no external toolchain, it embeds the
generated words). Run: python3 vmm/guest/gen_baremetal.py

The guest: fills V0-V31 with distinctive values using FP/SIMD *moves only* (LDR Q, FMOV from
general registers, INS, DUP, MOVI/MVNI -- no FP arithmetic), then loops N times writing the
iteration counter to an MMIO register (an exit to the VMM each time) and re-checking all 64
halves of V0-V31 against the expected table after every exit.

Registers on entry (set by the VMM through KVM_SET_ONE_REG):
  x0 = N (iterations), x1 = guest address of the expected-value table (32 x 16 bytes),
  x2 = base of the VMM's test device (not backed by a memslot: every access is an MMIO exit).
Test device registers (offsets from x2): see vmm/src/baremetal.rs.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "guest", "baremetal_code.rs")


def fill():
    s = []
    # V0-V7: LDR Q from the table.
    for i in range(0, 8):
        s.append(f"ldr q{i}, [x1, #{16 * i}]")
    # V8-V11: FMOV Dn, Xm (low half, zeroes the high half) + INS Vn.D[1], Xm.
    for i in range(8, 12):
        s += [f"ldp x3, x4, [x1, #{16 * i}]", f"fmov d{i}, x3", f"mov v{i}.d[1], x4"]
    # V12-V15: INS Vn.D[0] + FMOV Vn.D[1], Xm (the FMOV-to-upper-half form).
    for i in range(12, 16):
        s += [f"ldp x3, x4, [x1, #{16 * i}]", f"mov v{i}.d[0], x3", f"fmov v{i}.d[1], x4"]
    # V16-V19: DUP Vn.4S, Wm; V20-V23: DUP Vn.2D, Xm.
    for i in range(16, 20):
        s += [f"ldr w3, [x1, #{16 * i}]", f"dup v{i}.4s, w3"]
    for i in range(20, 24):
        s += [f"ldr x3, [x1, #{16 * i}]", f"dup v{i}.2d, x3"]
    # V24-V31: immediates.
    s += MOVI
    return s


# (assembly, 128-bit value as (lo, hi)) -- the table entries for V24-V31 must match these.
MOVI = [
    "movi v24.2d, #0xff00ff0000ffff00",
    "movi v25.2d, #0x00ff00ffff0000ff",
    "movi v26.16b, #0xa5",
    "movi v27.8h, #0x5a, lsl #8",
    "movi v28.4s, #0xc3, lsl #16",
    "mvni v29.4s, #0x3c, lsl #24",
    "movi v30.4s, #0x7e, msl #8",
    "fmov v31.2d, #-1.25",
]


def check():
    s = []
    for i in range(32):
        s += [f"umov x3, v{i}.d[0]", "ldr x4, [x5], #8", "cmp x3, x4", "b.ne mismatch"]
        hi = f"fmov x3, v{i}.d[1]" if i % 2 else f"mov x3, v{i}.d[1]"
        s += [hi, "ldr x4, [x5], #8", "cmp x3, x4", "b.ne mismatch"]
    return s


MAIN = (
    [
        "_start:",
        "adr x9, _start",
        "add x9, x9, #0x800",
        "msr vbar_el1, x9",
        "mov x9, #(3 << 20)",  # CPACR_EL1.FPEN = 0b11: FP/SIMD not trapped at EL1
        "msr cpacr_el1, x9",
        "isb",
        "ldr w9, [x2, #0x38]",  # ID register: an MMIO *read* exit
        "movz w10, #0x3245",
        "movk w10, #0x454c, lsl #16",  # 'EL2E'
        "cmp w9, w10",
        "b.ne bad_id",
    ]
    + fill()
    + ["mov x6, #0", "cbz x0, done", "loop:", "str x6, [x2]", "mov x5, x1"]
    + check()
    + [
        "add x6, x6, #1",
        "cmp x6, x0",
        "b.lo loop",
        "done:",
        "str x6, [x2, #0x10]",
        "halt:",
        "wfi",
        "b halt",
        "mismatch:",
        "sub x7, x5, x1",
        "sub x7, x7, #8",  # byte offset of the failing half in the table
        "str x7, [x2, #0x18]",
        "str x3, [x2, #0x20]",
        "str x4, [x2, #0x28]",
        "str x6, [x2, #0x08]",  # failure code: the iteration (written last)
        "b halt",
        "bad_id:",
        "mov x7, #-1",
        "str x7, [x2, #0x18]",
        "str x9, [x2, #0x20]",
        "str x10, [x2, #0x28]",
        "str x6, [x2, #0x08]",
        "b halt",
    ]
)

# 16 vector entries of 0x80 bytes: report ESR_EL1/ELR_EL1 to the VMM and halt.
VECTOR_ENTRY = [
    "mrs x9, elr_el1",
    "str x9, [x2, #0x40]",
    "mrs x9, esr_el1",
    "str x9, [x2, #0x30]",
    "1: wfi",
    "b 1b",
]


def assemble(lines):
    src = ".text\n" + "\n".join(("    " + l) if not l.endswith(":") else l for l in lines) + "\n"
    with tempfile.TemporaryDirectory() as d:
        s, o = os.path.join(d, "g.s"), os.path.join(d, "g.o")
        open(s, "w").write(src)
        subprocess.run(["llvm-mc", "-triple=aarch64", "-mattr=+neon,+fp-armv8", "-filetype=obj", s, "-o", o], check=True)
        dis = subprocess.run(["llvm-objdump", "-d", "--no-leading-addr", o], check=True, capture_output=True, text=True).stdout
    words = []
    for line in dis.splitlines():
        m = re.match(r"^\s*([0-9a-f]{2}) ([0-9a-f]{2}) ([0-9a-f]{2}) ([0-9a-f]{2})\s+(.*)$", line)
        if m:
            w = int(m.group(4) + m.group(3) + m.group(2) + m.group(1), 16)
            words.append((w, re.sub(r"\s+", " ", m.group(5)).strip()))
    return words


def emit(name, words):
    out = [f"pub const {name}: [u32; {len(words)}] = ["]
    for w, text in words:
        out.append(f"    0x{w:08x}, // {text}")
    out.append("];")
    return "\n".join(out)


def main():
    main_words = assemble(MAIN)
    vec_words = assemble(VECTOR_ENTRY)
    assert len(main_words) * 4 <= 0x800, "main code overlaps the vector table"
    assert len(vec_words) * 4 <= 0x80
    text = (
        "// @generated by vmm/guest/gen_baremetal.py from the assembly in that file (llvm-mc);\n"
        "// the VMM embeds these words, so building needs no external toolchain.\n"
        "// Disassembly (llvm-objdump) of each word in the comment beside it.\n\n"
        "/// Guest entry point, loaded at the start of guest RAM.\n"
        + emit("MAIN", main_words)
        + "\n\n/// One exception-vector entry, copied to each of the 16 slots at +0x800 (VBAR_EL1).\n"
        + emit("VECTOR_ENTRY", vec_words)
        + "\n"
    )
    open(OUT, "w").write(text)
    print(f"wrote {OUT}: {len(main_words)} + {len(vec_words)} words")


if __name__ == "__main__":
    sys.exit(main())
