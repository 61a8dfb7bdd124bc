//! SHA-1 and SHA-256 of "abc" (FIPS 180-4 examples) computed by guest code that
//! follows Linux's `arch/arm64/crypto/sha1-ce-core.S` and `sha2-ce-core.S` round by
//! round. Two of its instructions belong to the integer SIMD tables, so they are
//! spelled with other instructions here: `ADD Vd.4S, Vn.4S, Vm.4S` as UMOV/ADD/INS per
//! lane, and `REV32 Vd.16B` as a TBL with a byte-swap index vector.

// Dynamic registers (`V(n)`) in a64! need the assembler API trait.
use dynasmrt::DynasmApi as _;

use crate::testutil::{cpu_with_code, run, End, DATA};
use crate::Cpu;

/// `add Vd.4s, Vn.4s, Vm.4s`, lane by lane through w9/w10.
fn add4s(d: u32, n: u32, m: u32) -> Vec<u8> {
    let mut code = Vec::new();
    for lane in 0..4u32 {
        code.extend(crate::a64!(
            ; umov w9, V(n).s[lane]
            ; umov w10, V(m).s[lane]
            ; add w9, w9, w10
            ; ins V(d).s[lane], w9
        ));
    }
    code
}

/// `rev32 Vd.16b, Vd.16b` as `tbl Vd.16b, {Vd.16b}, v27.16b` (v27 holds 3,2,1,0,7,...):
/// 0 Q=1 001110 000 Rm=27 0 len=00 op=0 00 Rn Rd (the assembler takes no dynamic
/// register in a list).
fn rev32(d: u32) -> Vec<u8> {
    (0x4e00_0000 | (27 << 16) | (d << 5) | d).to_le_bytes().to_vec()
}

const REV32_INDEX: [u8; 16] = [3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12];

/// The padded one-block message "abc" (FIPS 180-4 5.1.1): 61 62 63 80, zeros, and the
/// length 24 in the last big-endian word.
fn abc_block() -> [u8; 64] {
    let mut b = [0u8; 64];
    b[..4].copy_from_slice(&[0x61, 0x62, 0x63, 0x80]);
    b[63] = 24;
    b
}

fn words(ws: &[u32]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_le_bytes()).collect()
}

/// Run `code` with the state at DATA, the block at DATA + 0x100, extra data at
/// DATA + 0x200 (x0, x1, x8).
fn run_sha(code: &[u8], state: &[u32], extra: &[u8]) -> Cpu {
    let mut cpu = cpu_with_code(code, 1);
    cpu.ram.load(DATA, &words(state));
    cpu.ram.load(DATA + 0x100, &abc_block());
    cpu.ram.load(DATA + 0x200, extra);
    (cpu.s.x[0], cpu.s.x[1], cpu.s.x[8]) = (DATA, DATA + 0x100, DATA + 0x200);
    cpu.s.v[27] = [
        u64::from_le_bytes(REV32_INDEX[..8].try_into().unwrap()),
        u64::from_le_bytes(REV32_INDEX[8..].try_into().unwrap()),
    ];
    assert_eq!(run(&mut cpu, 10_000), End::Brk(0));
    cpu
}

// ---- SHA-1: k0-k3 = v0-v3, t0/t1 = v4/v5, dga = q6, dgb = s7, dg0 = q12/s12,
// dg1 = s13, dg2 = s14, message v8-v11.

fn sha1_op(op: char, dg1: u32, t: u32) -> Vec<u8> {
    match op {
        'c' => crate::a64!(; sha1c q12, S(dg1), V(t).s4).to_vec(),
        'p' => crate::a64!(; sha1p q12, S(dg1), V(t).s4).to_vec(),
        _ => crate::a64!(; sha1m q12, S(dg1), V(t).s4).to_vec(),
    }
}

/// The `add_only` macro of sha1-ce-core.S.
fn sha1_add_only(c: &mut Vec<u8>, op: char, ev: bool, rc: u32, s0: Option<u32>, dg1: Option<u32>) {
    if ev {
        if let Some(s0) = s0 {
            c.extend(add4s(5, s0, rc));
        }
        c.extend(crate::a64!(; sha1h s14, s12));
        c.extend(sha1_op(op, dg1.unwrap_or(13), 4));
    } else {
        if let Some(s0) = s0 {
            c.extend(add4s(4, s0, rc));
        }
        c.extend(crate::a64!(; sha1h s13, s12));
        c.extend(sha1_op(op, 14, 5));
    }
}

/// The `add_update` macro: SHA1SU0, add_only, SHA1SU1.
fn sha1_add_update(c: &mut Vec<u8>, op: char, ev: bool, rc: u32, s: [u32; 4], dg1: Option<u32>) {
    let [s0, s1, s2, s3] = s;
    c.extend(crate::a64!(; sha1su0 V(s0).s4, V(s1).s4, V(s2).s4));
    sha1_add_only(c, op, ev, rc, Some(s1), dg1);
    c.extend(crate::a64!(; sha1su1 V(s0).s4, V(s3).s4));
}

#[test]
fn sha1_of_abc_with_sha1_ce_sequence() {
    let mut c = crate::a64!(
        ; ld1 {v6.s4}, [x0]
        ; ldr s7, [x0, #16]
        ; ld1 {v8.s4, v9.s4, v10.s4, v11.s4}, [x1], #64
        ; ld1r {v0.s4}, [x8], #4
        ; ld1r {v1.s4}, [x8], #4
        ; ld1r {v2.s4}, [x8], #4
        ; ld1r {v3.s4}, [x8]
    )
    .to_vec();
    for r in 8..12 {
        c.extend(rev32(r));
    }
    c.extend(add4s(4, 8, 0));
    c.extend(crate::a64!(; mov v12.b16, v6.b16));
    let (a, b, d, e) = ([8, 9, 10, 11], [9, 10, 11, 8], [10, 11, 8, 9], [11, 8, 9, 10]);
    let rounds: [(char, bool, u32, [u32; 4]); 16] = [
        ('c', true, 0, a),
        ('c', false, 0, b),
        ('c', true, 0, d),
        ('c', false, 0, e),
        ('c', true, 1, a),
        ('p', false, 1, b),
        ('p', true, 1, d),
        ('p', false, 1, e),
        ('p', true, 1, a),
        ('p', false, 2, b),
        ('m', true, 2, d),
        ('m', false, 2, e),
        ('m', true, 2, a),
        ('m', false, 2, b),
        ('m', true, 3, d),
        ('p', false, 3, e),
    ];
    for (k, &(op, ev, rc, s)) in rounds.iter().enumerate() {
        sha1_add_update(&mut c, op, ev, rc, s, if k == 0 { Some(7) } else { None });
    }
    sha1_add_only(&mut c, 'p', true, 3, Some(9), None);
    sha1_add_only(&mut c, 'p', false, 3, Some(10), None);
    sha1_add_only(&mut c, 'p', true, 3, Some(11), None);
    sha1_add_only(&mut c, 'p', false, 3, None, None);
    c.extend(add4s(7, 7, 13));
    c.extend(add4s(6, 6, 12));
    c.extend(crate::a64!(; st1 {v6.s4}, [x0] ; str s7, [x0, #16] ; brk 0));
    let h0 = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0];
    let k = words(&[0x5a82_7999, 0x6ed9_eba1, 0x8f1b_bcdc, 0xca62_c1d6]);
    let cpu = run_sha(&c, &h0, &k);
    let digest: Vec<u32> = (0..5).map(|i| cpu.ram.read_u32(DATA + 4 * i).unwrap()).collect();
    assert_eq!(digest, [0xa999_3e36, 0x4706_816a, 0xba3e_2571, 0x7850_c26c, 0x9cd0_d89d]);
}

// ---- SHA-256: round constants v0-v15, message v16-v19, dga/dgb = v20/v21,
// t0/t1 = v22/v23, dg0/dg1/dg2 = v24/v25/v26.

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
];

/// The `add_only` macro of sha2-ce-core.S.
fn sha256_add_only(c: &mut Vec<u8>, ev: u32, rc: Option<u32>, s0: Option<u32>) {
    c.extend(crate::a64!(; mov v26.b16, v24.b16));
    let t = if ev == 0 { 22 } else { 23 };
    if let (Some(rc), Some(s0)) = (rc, s0) {
        c.extend(add4s(if ev == 0 { 23 } else { 22 }, s0, rc));
    }
    c.extend(crate::a64!(; sha256h q24, q25, V(t).s4 ; sha256h2 q25, q26, V(t).s4));
}

/// The `add_update` macro: SHA256SU0, add_only, SHA256SU1.
fn sha256_add_update(c: &mut Vec<u8>, ev: u32, rc: u32, s: [u32; 4]) {
    let [s0, s1, s2, s3] = s;
    c.extend(crate::a64!(; sha256su0 V(s0).s4, V(s1).s4));
    sha256_add_only(c, ev, Some(rc), Some(s1));
    c.extend(crate::a64!(; sha256su1 V(s0).s4, V(s2).s4, V(s3).s4));
}

#[test]
fn sha256_of_abc_with_sha2_ce_sequence() {
    let mut c = crate::a64!(
        ; ld1 {v0.s4, v1.s4, v2.s4, v3.s4}, [x8], #64
        ; ld1 {v4.s4, v5.s4, v6.s4, v7.s4}, [x8], #64
        ; ld1 {v8.s4, v9.s4, v10.s4, v11.s4}, [x8], #64
        ; ld1 {v12.s4, v13.s4, v14.s4, v15.s4}, [x8]
        ; ld1 {v20.s4, v21.s4}, [x0]
        ; ld1 {v16.s4, v17.s4, v18.s4, v19.s4}, [x1], #64
    )
    .to_vec();
    for r in 16..20 {
        c.extend(rev32(r));
    }
    c.extend(add4s(22, 16, 0));
    c.extend(crate::a64!(; mov v24.b16, v20.b16 ; mov v25.b16, v21.b16));
    let order = [[16, 17, 18, 19], [17, 18, 19, 16], [18, 19, 16, 17], [19, 16, 17, 18]];
    for k in 0..12u32 {
        sha256_add_update(&mut c, k % 2, k + 1, order[(k % 4) as usize]);
    }
    sha256_add_only(&mut c, 0, Some(13), Some(17));
    sha256_add_only(&mut c, 1, Some(14), Some(18));
    sha256_add_only(&mut c, 0, Some(15), Some(19));
    sha256_add_only(&mut c, 1, None, None);
    c.extend(add4s(20, 20, 24));
    c.extend(add4s(21, 21, 25));
    c.extend(crate::a64!(; st1 {v20.s4, v21.s4}, [x0] ; brk 0));
    let h0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let cpu = run_sha(&c, &h0, &words(&K256));
    let digest: Vec<u32> = (0..8).map(|i| cpu.ram.read_u32(DATA + 4 * i).unwrap()).collect();
    let want = [0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223, 0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad];
    assert_eq!(digest, want);
}

#[test]
fn sha1h_and_schedule_updates_by_hand() {
    let code = crate::a64!(
        ; sha1h s0, s1
        ; sha1su0 v2.s4, v3.s4, v4.s4
        ; sha1su1 v5.s4, v6.s4
        ; brk 0
    );
    let mut cpu = cpu_with_code(&code, 1);
    cpu.s.v[0] = [!0, !0];
    cpu.s.v[1] = [0xffff_ffff_8000_0001, !0];
    // op1 = words 1,2,3,4 ; op2 = 5,6,7,8 ; op3 = 0x10 in every word.
    cpu.s.v[2] = [0x0000_0002_0000_0001, 0x0000_0004_0000_0003];
    cpu.s.v[3] = [0x0000_0006_0000_0005, 0x0000_0008_0000_0007];
    cpu.s.v[4] = [0x0000_0010_0000_0010, 0x0000_0010_0000_0010];
    // T = X EOR (Y >> 32): X = 1,2,3,4 ; Y = 0,0,1,1 -> Y >> 32 = 0,1,1,0 -> T = 1,3,2,4.
    cpu.s.v[5] = [0x0000_0002_0000_0001, 0x0000_0004_0000_0003];
    cpu.s.v[6] = [0, 0x0000_0001_0000_0001];
    assert_eq!(run(&mut cpu, 10), End::Brk(0));
    // ROL(0x80000001, 30) = 0x60000000, zero-extended.
    assert_eq!(cpu.s.v[0], [0x6000_0000, 0]);
    // (op2<63:0> : op1<127:64>) = 3,4,5,6; EOR 1,2,3,4 -> 2,6,6,2; EOR 0x10.
    assert_eq!(cpu.s.v[2], [0x0000_0016_0000_0012, 0x0000_0012_0000_0016]);
    // W0..W2 = ROL(1, 1), ROL(3, 1), ROL(2, 1) = 2, 6, 4; W3 = ROL(4, 1) ^ ROL(1, 2) = 8 ^ 4.
    assert_eq!(cpu.s.v[5], [0x0000_0006_0000_0002, 0x0000_000c_0000_0004]);
}
