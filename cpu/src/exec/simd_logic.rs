//! Advanced SIMD three same, logical group (`0 Q U 01110 opc2 1 Rm 00011 1 Rn Rd`):
//! AND, BIC, ORR (alias MOV when Rm = Rn), ORN (U = 0) and EOR, BSL, BIT, BIF (U = 1),
//! on 64- or 128-bit vectors (Arm ARM C7.2: AND, BIC, ORR, ORN, EOR, BSL, BIT and BIF
//! (vector, register)).

use super::simd_fp::{check_fp_enabled, set_vreg_width, vreg};
use crate::exception::Trap;
use crate::insn::Insn;
use crate::interp::Cpu;
use crate::platform::Platform;

type R = Result<(), Trap>;

/// The whole logical group: `U:opc2` selects the operation; every encoding is
/// allocated, so there is no decode-time UNDEFINED.
pub fn logic(cpu: &mut Cpu, _: &mut dyn Platform, i: Insn) -> R {
    check_fp_enabled(cpu)?;
    let datasize = if i.bit(30) { 128 } else { 64 };
    let n = vreg(cpu, i.rn());
    let m = vreg(cpu, i.rm());
    let d = vreg(cpu, i.rd());
    let result = match (i.bit(29), i.bits(23, 22)) {
        (false, 0b00) => n & m,
        (false, 0b01) => n & !m,
        (false, 0b10) => n | m,
        (false, _) => n | !m,
        // EOR: operand1 = V[m], operand2 = Zeros, operand3 = Ones.
        (true, 0b00) => n ^ m,
        // BSL: V[m] EOR ((V[m] EOR V[n]) AND V[d]).
        (true, 0b01) => m ^ ((m ^ n) & d),
        // BIT: V[d] EOR ((V[d] EOR V[n]) AND V[m]).
        (true, 0b10) => d ^ ((d ^ n) & m),
        // BIF: V[d] EOR ((V[d] EOR V[n]) AND NOT V[m]).
        (true, _) => d ^ ((d ^ n) & !m),
    };
    set_vreg_width(cpu, i.rd(), result, datasize);
    Ok(())
}
