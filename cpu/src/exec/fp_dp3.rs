//! Floating-point data-processing (3 source), Arm ARM C4.1.x
//! (`M 0 S 11111 ftype o1 Rm o0 Ra Rn Rd`): FMADD, FMSUB, FNMADD, FNMSUB, fused
//! (one rounding), single and double precision (`ftype<1>` = 0 in the table lines).

use super::fp_scalar::{check_fp_enabled, read, size_bit22, with_fp, write, Tern, R};
use crate::fp;
use crate::fp_handlers;
use crate::insn::Insn;
use crate::interp::Cpu;

/// The family: `V[d] = op(V[a], V[n], V[m])`, each operation negating as its
/// pseudocode says before one `FPMulAdd(addend, op1, op2)`.
pub fn dp3(cpu: &mut Cpu, i: Insn, op: Tern) -> R {
    check_fp_enabled(cpu)?;
    let size = size_bit22(i);
    let a = read(cpu, i.rt2(), size);
    let (n, m) = (read(cpu, i.rn(), size), read(cpu, i.rm(), size));
    let r = with_fp(cpu, |c, f| op(size, a, n, m, c, f));
    write(cpu, i.rd(), size, r);
    Ok(())
}

fp_handlers! { dp3;
    /// Arm ARM C7.2: FMADD, `FPMulAdd(Va, Vn, Vm)`.
    fmadd => fp::fp_mul_add;
    /// Arm ARM C7.2: FMSUB, `FPMulAdd(Va, FPNeg(Vn), Vm)`.
    fmsub => |s, a, n, m, c, f| fp::fp_mul_add(s, a, fp::fp_neg(s, n), m, c, f);
    /// Arm ARM C7.2: FNMADD, `FPMulAdd(FPNeg(Va), FPNeg(Vn), Vm)`.
    fnmadd => |s, a, n, m, c, f| fp::fp_mul_add(s, fp::fp_neg(s, a), fp::fp_neg(s, n), m, c, f);
    /// Arm ARM C7.2: FNMSUB, `FPMulAdd(FPNeg(Va), Vn, Vm)`.
    fnmsub => |s, a, n, m, c, f| fp::fp_mul_add(s, fp::fp_neg(s, a), n, m, c, f);
}
