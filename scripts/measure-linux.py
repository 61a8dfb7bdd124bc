#!/usr/bin/env python3
"""Boot Debian Linux (images/ from scripts/linux-image.sh and build-vmm.sh) on el2emu and
on QEMU TCG, same images, same run: seconds to the init marker and to power-off, and peak
RSS, for VHE/nVHE and smp 1/2. Prints a Markdown table.

    scripts/measure-linux.py [--runs N]
"""
import argparse
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = b"el2emu-init: ready"


def boot(cmd):
    """Run `cmd`; return (seconds to MARKER, seconds to exit, peak RSS in MiB, output)."""
    t0 = time.time()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT)
    t_marker = None
    out = b""
    for line in p.stdout:
        out += line
        if t_marker is None and MARKER in line:
            t_marker = time.time() - t0
    p.wait()
    t_end = time.time() - t0
    # ru_maxrss of the largest child waited for so far (KiB on Linux).
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return t_marker, t_end, rss, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1)
    a = ap.parse_args()
    k, i = "images/vmlinuz", "images/initramfs.cpio.gz"
    common = ["-M", "virt,virtualization=on,gic-version=3", "-cpu", "max", "-m", "512M",
              "-nographic", "-no-reboot", "-kernel", k, "-initrd", i]
    print("| mode | smp | el2emu init (s) | el2emu off (s) | QEMU init (s) | QEMU off (s) | el2emu/QEMU (off) |")
    print("|---|---|---|---|---|---|---|")
    for mode, extra in [("VHE", ""), ("nVHE", "kvm-arm.mode=nvhe")]:
        for smp in (1, 2):
            app = f"console=ttyAMA0 el2emu.test {extra}".strip()
            row = {}
            for name, prog in [("el2emu", "./target/release/el2emu"), ("qemu", "qemu-system-aarch64")]:
                best = None
                for _ in range(a.runs):
                    r = boot([prog] + common + ["-smp", str(smp), "-append", app])
                    if best is None or r[1] < best[1]:
                        best = r
                row[name] = best
            e, q = row["el2emu"], row["qemu"]
            print(f"| {mode} | {smp} | {e[0]:.1f} | {e[1]:.1f} | {q[0]:.1f} | {q[1]:.1f} | {e[1]/q[1]:.2f} |", flush=True)
    # Peak RSS: one more boot of each, measured alone.
    for name, prog in [("el2emu", "./target/release/el2emu"), ("qemu", "qemu-system-aarch64")]:
        t = subprocess.run(["/usr/bin/time", "-f", "%M", prog] + common +
                           ["-append", "console=ttyAMA0 el2emu.test"],
                           cwd=ROOT, capture_output=True)
        print(f"peak RSS {name}: {int(t.stderr.decode().strip().splitlines()[-1]) / 1024:.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())
