//! Advanced SIMD scalar floating-point forms on vector elements, Arm ARM C4.1.x:
//! "scalar pairwise" (`01 U 11110 a sz 11000 opcode 10 Rn Rd`: FADDP, FMAXP, FMINP,
//! FMAXNMP, FMINNMP, reducing the two elements of `Vn.2S`/`Vn.2D`) and "scalar x indexed
//! element" (`01 U 11111 size L M Rm opcode H 0 Rn Rd`: FMLA, FMLS, FMUL, FMULX by
//! element). Single and double precision; the table lines fix `size<1>` = 1 (size 00
//! is FEAT_FP16).

use super::fp_scalar::{check_fp_enabled, read, size_bit22, undef, with_fp, write, Bin, Tern, R};
use super::simd_fp::{elem, vreg};
use super::simd_fp_lanes::fp_mulx;
use crate::fp::{self, FpSize};
use crate::fp_handlers;
use crate::insn::Insn;
use crate::interp::Cpu;

/// The pairwise family: `V[d] = op(Elem[V[n], 0], Elem[V[n], 1])` at `esize`.
pub fn pairwise(cpu: &mut Cpu, i: Insn, op: Bin) -> R {
    check_fp_enabled(cpu)?;
    let size = size_bit22(i);
    let v = vreg(cpu, i.rn());
    let esize = size.width();
    let (a, b) = (elem(v, 0, esize), elem(v, 1, esize));
    let r = with_fp(cpu, |c, f| op(size, a, b, c, f));
    write(cpu, i.rd(), size, r);
    Ok(())
}

/// The by-element family: `V[d] = op(V[d], V[n], Elem[V[Rm], index])` at `esize`.
/// `sz` = 0: single, `index = H:L`; `sz` = 1: double, `index = H`, and `L` = 1 is
/// reserved (UNDEFINED). `Rm` is the full `M:Rm` register number.
pub fn by_element(cpu: &mut Cpu, i: Insn, op: Tern) -> R {
    let size = size_bit22(i);
    let (h, l) = (u32::from(i.bit(11)), u32::from(i.bit(21)));
    let index = match size {
        FpSize::D if l == 1 => return Err(undef(cpu)),
        FpSize::D => h,
        _ => (h << 1) | l,
    };
    check_fp_enabled(cpu)?;
    let acc = read(cpu, i.rd(), size);
    let a = read(cpu, i.rn(), size);
    let b = elem(vreg(cpu, i.rm()), index, size.width());
    let r = with_fp(cpu, |c, f| op(size, acc, a, b, c, f));
    write(cpu, i.rd(), size, r);
    Ok(())
}

fp_handlers! { pairwise;
    /// Arm ARM C7.2: FADDP (scalar): `FPAdd` of the two elements.
    faddp_scalar => fp::fp_add;
    /// Arm ARM C7.2: FMAXP (scalar): `FPMax`.
    fmaxp_scalar => fp::fp_max;
    /// Arm ARM C7.2: FMINP (scalar): `FPMin`.
    fminp_scalar => fp::fp_min;
    /// Arm ARM C7.2: FMAXNMP (scalar): `FPMaxNum`.
    fmaxnmp_scalar => fp::fp_max_num;
    /// Arm ARM C7.2: FMINNMP (scalar): `FPMinNum`.
    fminnmp_scalar => fp::fp_min_num;
}

fp_handlers! { by_element;
    /// Arm ARM C7.2: FMLA (by element), scalar: `FPMulAdd(V[d], V[n], element)`.
    fmla_elt_scalar => fp::fp_mul_add;
    /// Arm ARM C7.2: FMLS (by element), scalar: `FPMulAdd(V[d], FPNeg(V[n]), element)`.
    fmls_elt_scalar => |s, d, a, b, c, f| fp::fp_mul_add(s, d, fp::fp_neg(s, a), b, c, f);
    /// Arm ARM C7.2: FMUL (by element), scalar: `FPMul(V[n], element)`.
    fmul_elt_scalar => |s, _, a, b, c, f| fp::fp_mul(s, a, b, c, f);
    /// Arm ARM C7.2: FMULX (by element), scalar: `FPMulX(V[n], element)`.
    fmulx_elt_scalar => |s, _, a, b, c, f| fp_mulx(s, a, b, c, f);
}
