//! Tests of the AES instructions against FIPS-197 (Appendix C.1: AES-128, key
//! 000102..0f, plaintext 00112233..ff, ciphertext 69c4e0d8...c55a).

use super::*;
use crate::testutil::{cpu_with_code, run, End, DATA};

const KEY: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
const PLAIN: [u8; 16] =
    [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff];
const CIPHER: [u8; 16] =
    [0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30, 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a];

/// FIPS-197 5.2 KeyExpansion for AES-128: 11 round keys of 16 bytes.
fn expand_key(key: [u8; 16]) -> Vec<u8> {
    let mut w: Vec<[u8; 4]> = key.chunks(4).map(|c| [c[0], c[1], c[2], c[3]]).collect();
    let mut rcon = 1u8;
    for i in 4..44 {
        let mut t = w[i - 1];
        if i % 4 == 0 {
            t = [SBOX[t[1] as usize] ^ rcon, SBOX[t[2] as usize], SBOX[t[3] as usize], SBOX[t[0] as usize]];
            rcon = gf_mul(rcon, 2);
        }
        let prev = w[i - 4];
        w.push(core::array::from_fn(|k| prev[k] ^ t[k]));
    }
    w.concat()
}

#[test]
fn sbox_entries() {
    // FIPS-197 Figure 7 and 14 spot checks, and 5.1.1's worked example S(53) = ed.
    assert_eq!((SBOX[0x00], SBOX[0x01], SBOX[0x53], SBOX[0xff]), (0x63, 0x7c, 0xed, 0x16));
    assert_eq!((INV_SBOX[0x00], INV_SBOX[0x63], INV_SBOX[0xff]), (0x52, 0x00, 0x7d));
    // FIPS-197 4.2: {57} * {83} = {c1}.
    assert_eq!(gf_mul(0x57, 0x83), 0xc1);
    // The round-10 key of Appendix C.1: 13111d7fe3944a17f307a78b4d2b30c5.
    assert_eq!(
        expand_key(KEY)[160..],
        [0x13, 0x11, 0x1d, 0x7f, 0xe3, 0x94, 0x4a, 0x17, 0xf3, 0x07, 0xa7, 0x8b, 0x4d, 0x2b, 0x30, 0xc5]
    );
}

#[test]
fn mix_columns_example_and_inverse() {
    // The classic MixColumns column db 13 53 45 -> 8e 4d a1 bc.
    let col = u128::from_le_bytes([0xdb, 0x13, 0x53, 0x45, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    let mixed = mix(col, mix_column);
    assert_eq!(mixed.to_le_bytes()[..4], [0x8e, 0x4d, 0xa1, 0xbc]);
    assert_eq!(mixed.to_le_bytes()[12..], [1, 1, 1, 1]);
    assert_eq!(mix(mixed, inv_mix_column), col);
    assert_eq!(inv_sub_shift(sub_shift(col)), col);
}

/// AES-128 encryption as Linux's aes-ce does it: nine AESE+AESMC rounds, AESE, EOR.
#[test]
fn fips197_c1_encrypt_with_aese_aesmc() {
    let code = crate::a64!(
        ; ld1 {v0.b16}, [x0]
        ; ld1 {v1.b16, v2.b16, v3.b16, v4.b16}, [x1], #64
        ; ld1 {v5.b16, v6.b16, v7.b16, v8.b16}, [x1], #64
        ; ld1 {v9.b16, v10.b16, v11.b16}, [x1]
        ; aese v0.b16, v1.b16 ; aesmc v0.b16, v0.b16
        ; aese v0.b16, v2.b16 ; aesmc v0.b16, v0.b16
        ; aese v0.b16, v3.b16 ; aesmc v0.b16, v0.b16
        ; aese v0.b16, v4.b16 ; aesmc v0.b16, v0.b16
        ; aese v0.b16, v5.b16 ; aesmc v0.b16, v0.b16
        ; aese v0.b16, v6.b16 ; aesmc v0.b16, v0.b16
        ; aese v0.b16, v7.b16 ; aesmc v0.b16, v0.b16
        ; aese v0.b16, v8.b16 ; aesmc v0.b16, v0.b16
        ; aese v0.b16, v9.b16 ; aesmc v0.b16, v0.b16
        ; aese v0.b16, v10.b16
        ; eor v0.b16, v0.b16, v11.b16
        ; st1 {v0.b16}, [x2]
        ; brk 0
    );
    let mut cpu = cpu_with_code(&code, 1);
    cpu.ram.load(DATA, &PLAIN);
    cpu.ram.load(DATA + 0x100, &expand_key(KEY));
    (cpu.s.x[0], cpu.s.x[1], cpu.s.x[2]) = (DATA, DATA + 0x100, DATA + 0x200);
    assert_eq!(run(&mut cpu, 1000), End::Brk(0));
    assert_eq!(cpu.ram.dump(DATA + 0x200, 16), Some(CIPHER.to_vec()));
}

/// The equivalent inverse cipher (FIPS-197 5.3.5): round keys 9..1 through AESIMC,
/// then nine AESD+AESIMC rounds, AESD, EOR.
#[test]
fn fips197_c1_decrypt_with_aesd_aesimc() {
    let code = crate::a64!(
        ; ld1 {v0.b16}, [x0]
        ; ld1 {v1.b16, v2.b16, v3.b16, v4.b16}, [x1], #64     // rk0..rk3
        ; ld1 {v5.b16, v6.b16, v7.b16, v8.b16}, [x1], #64     // rk4..rk7
        ; ld1 {v9.b16, v10.b16, v11.b16}, [x1]                // rk8..rk10
        ; aesimc v2.b16, v2.b16 ; aesimc v3.b16, v3.b16 ; aesimc v4.b16, v4.b16
        ; aesimc v5.b16, v5.b16 ; aesimc v6.b16, v6.b16 ; aesimc v7.b16, v7.b16
        ; aesimc v8.b16, v8.b16 ; aesimc v9.b16, v9.b16 ; aesimc v10.b16, v10.b16
        ; aesd v0.b16, v11.b16 ; aesimc v0.b16, v0.b16
        ; aesd v0.b16, v10.b16 ; aesimc v0.b16, v0.b16
        ; aesd v0.b16, v9.b16 ; aesimc v0.b16, v0.b16
        ; aesd v0.b16, v8.b16 ; aesimc v0.b16, v0.b16
        ; aesd v0.b16, v7.b16 ; aesimc v0.b16, v0.b16
        ; aesd v0.b16, v6.b16 ; aesimc v0.b16, v0.b16
        ; aesd v0.b16, v5.b16 ; aesimc v0.b16, v0.b16
        ; aesd v0.b16, v4.b16 ; aesimc v0.b16, v0.b16
        ; aesd v0.b16, v3.b16 ; aesimc v0.b16, v0.b16
        ; aesd v0.b16, v2.b16
        ; eor v0.b16, v0.b16, v1.b16
        ; st1 {v0.b16}, [x2]
        ; brk 0
    );
    let mut cpu = cpu_with_code(&code, 1);
    cpu.ram.load(DATA, &CIPHER);
    cpu.ram.load(DATA + 0x100, &expand_key(KEY));
    (cpu.s.x[0], cpu.s.x[1], cpu.s.x[2]) = (DATA, DATA + 0x100, DATA + 0x200);
    assert_eq!(run(&mut cpu, 1000), End::Brk(0));
    assert_eq!(cpu.ram.dump(DATA + 0x200, 16), Some(PLAIN.to_vec()));
}

#[test]
fn undefined_without_feat_aes() {
    // AESE v0.16b, v1.16b on a cortex-a57 model (ID_AA64ISAR0_EL1.AES = 0).
    let mut cpu = cpu_with_code(&0x4e28_4820u32.to_le_bytes(), 1);
    cpu.model = crate::sysreg::id::CORTEX_A57;
    assert_eq!(run(&mut cpu, 1), End::Exception { el: 1, esr: 1 << 25 });
}
