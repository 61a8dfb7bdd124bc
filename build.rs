//! Builds the bare-metal AArch64 images embedded in el2emu: every binary of
//! `firmware/` (test firmware) and, when `hypervisor/Cargo.toml` exists, of
//! `hypervisor/` (the demo hypervisor). Each crate is built with
//! `cargo build --release --target aarch64-unknown-none` from its own
//! directory, so its `.cargo/config.toml` and build script (linker script)
//! apply, into a target directory under `$OUT_DIR`.
//!
//! Outputs, in `$OUT_DIR`:
//! - `images/<name>.elf`: one file per binary (also read by the integration
//!   tests through the `EL2EMU_IMAGES_DIR` compile-time variable);
//! - `images.rs`: `NAMES` and `image()`, included by `src/images.rs`.
//!
//! A failure to build `firmware/` is an error. A failure to build
//! `hypervisor/` (developed in parallel) is only a warning, and its image is
//! left out, unless `EL2EMU_REQUIRE_HYPERVISOR` is set (CI sets it).

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const TARGET: &str = "aarch64-unknown-none";

/// Crates with bare-metal binaries: (directory, required).
const CRATES: &[(&str, bool)] = &[("firmware", true), ("hypervisor", false)];

fn main() {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=EL2EMU_REQUIRE_HYPERVISOR");

    let images_dir = out.join("images");
    let _ = fs::remove_dir_all(&images_dir);
    fs::create_dir_all(&images_dir).expect("create $OUT_DIR/images");

    let mut images: Vec<String> = Vec::new();
    let mut target_checked = false;
    for &(name, required) in CRATES {
        let dir = root.join(name);
        if !dir.join("Cargo.toml").exists() {
            if required {
                panic!("{} is missing", dir.join("Cargo.toml").display());
            }
            // Rerun once the crate appears (the directory's contents change).
            if dir.exists() {
                println!("cargo:rerun-if-changed={name}");
            }
            continue;
        }
        for f in ["Cargo.toml", "Cargo.lock", "build.rs", "link.ld", ".cargo/config.toml", "src"] {
            if dir.join(f).exists() {
                println!("cargo:rerun-if-changed={name}/{f}");
            }
        }
        if !target_checked {
            check_target_installed();
            target_checked = true;
        }
        let target_dir = out.join(format!("{name}-target"));
        if let Err(msg) = build_crate(&dir, &target_dir) {
            if required || env::var_os("EL2EMU_REQUIRE_HYPERVISOR").is_some() {
                panic!("{msg}");
            }
            println!("cargo:warning={msg}; its image is not embedded");
            continue;
        }
        for bin in elf_binaries(&target_dir.join(TARGET).join("release")) {
            let stem = bin.file_name().unwrap().to_string_lossy().into_owned();
            let img = if images.contains(&stem) { format!("{name}-{stem}") } else { stem };
            fs::copy(&bin, images_dir.join(format!("{img}.elf"))).expect("copy image");
            images.push(img);
        }
    }
    images.sort();

    println!("cargo:rustc-env=EL2EMU_IMAGES_DIR={}", images_dir.display());
    fs::write(out.join("images.rs"), generate(&images)).expect("write images.rs");
}

/// Fails with instructions when the bare-metal target's standard library is
/// not installed for the compiler in use.
fn check_target_installed() {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let sysroot = Command::new(&rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    if let Some(sysroot) = sysroot {
        if !sysroot.join("lib/rustlib").join(TARGET).exists() {
            panic!(
                "\n\nel2emu embeds bare-metal firmware built for `{TARGET}`, but that target is not \
                 installed for this toolchain ({}).\nInstall it with:\n\n    rustup target add {TARGET}\n\n",
                sysroot.display()
            );
        }
    }
}

/// Runs the nested cargo build with a clean environment.
fn build_crate(dir: &Path, target_dir: &Path) -> Result<(), String> {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(dir)
        .args(["build", "--release", "--target", TARGET, "--target-dir"])
        .arg(target_dir)
        .stdin(Stdio::null())
        // Our stdout carries `cargo:` directives; keep the child's off it.
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    // Flags, wrappers and per-target settings of the outer (host) build must
    // not leak into the bare-metal build.
    for (key, _) in env::vars_os() {
        let k = key.to_string_lossy();
        let drop = [
            "RUSTFLAGS",
            "RUSTDOCFLAGS",
            "RUSTC_WRAPPER",
            "RUSTC_WORKSPACE_WRAPPER",
            "CARGO_TARGET_DIR",
            "CARGO_ENCODED_RUSTFLAGS",
            "CARGO_ENCODED_RUSTDOCFLAGS",
            "CARGO_MANIFEST_DIR",
            "CARGO_MANIFEST_PATH",
            "CARGO_PRIMARY_PACKAGE",
            "CARGO_CRATE_NAME",
            "OUT_DIR",
            "TARGET",
            "HOST",
            "PROFILE",
            "OPT_LEVEL",
            "DEBUG",
            "NUM_JOBS",
            "RUSTC_LINKER",
        ]
        .contains(&k.as_ref())
            || [
                "CARGO_BUILD_",
                "CARGO_PROFILE_",
                "CARGO_TARGET_",
                "CARGO_CFG_",
                "CARGO_FEATURE_",
                "CARGO_PKG_",
                "DEP_",
            ]
            .iter()
            .any(|p| k.starts_with(p));
        if drop {
            cmd.env_remove(&key);
        }
    }
    let status = cmd.status().map_err(|e| format!("cannot run cargo for {}: {e}", dir.display()))?;
    if !status.success() {
        return Err(format!(
            "building {} for {TARGET} failed ({status}); to see why: cd {} && cargo build --release --target {TARGET}",
            dir.display(),
            dir.display()
        ));
    }
    Ok(())
}

/// ELF executables (no extension, `\x7fELF` magic) directly in `dir`.
fn elf_binaries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_none())
        .filter(|p| fs::read(p).map(|b| b.starts_with(b"\x7fELF")).unwrap_or(false))
        .collect();
    v.sort();
    v
}

/// The generated `images.rs`.
fn generate(images: &[String]) -> String {
    let mut s = String::from(
        "// @generated by build.rs\n\n/// Names of the embedded images, sorted.\npub const NAMES: &[&str] = &[\n",
    );
    for n in images {
        s += &format!("    {n:?},\n");
    }
    s += "];\n\n/// The ELF file of the embedded image `name`.\npub fn image(name: &str) -> Option<&'static [u8]> {\n    match name {\n";
    for n in images {
        s += &format!("        {n:?} => Some(include_bytes!(concat!(env!(\"OUT_DIR\"), \"/images/{n}.elf\"))),\n");
    }
    s += "        _ => None,\n    }\n}\n";
    s
}
