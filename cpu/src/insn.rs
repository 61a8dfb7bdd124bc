//! A64 instruction words and their common fields (Arm ARM C4: field names as there).

/// One A64 instruction word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Insn(pub u32);

impl Insn {
    /// Bits `hi:lo` (inclusive), as the Arm ARM writes `insn<hi:lo>`.
    #[inline(always)]
    pub const fn bits(self, hi: u32, lo: u32) -> u32 {
        (self.0 >> lo) & (u32::MAX >> (31 - (hi - lo)))
    }
    /// Bit `n`.
    #[inline(always)]
    pub const fn bit(self, n: u32) -> bool {
        (self.0 >> n) & 1 != 0
    }
    /// Rd / Rt: bits 4:0.
    #[inline(always)]
    pub const fn rd(self) -> u32 {
        self.0 & 31
    }
    /// Rt (alias of Rd position for loads/stores).
    #[inline(always)]
    pub const fn rt(self) -> u32 {
        self.0 & 31
    }
    /// Rn: bits 9:5.
    #[inline(always)]
    pub const fn rn(self) -> u32 {
        (self.0 >> 5) & 31
    }
    /// Rm / Rs: bits 20:16.
    #[inline(always)]
    pub const fn rm(self) -> u32 {
        (self.0 >> 16) & 31
    }
    /// Rt2 / Ra: bits 14:10.
    #[inline(always)]
    pub const fn rt2(self) -> u32 {
        (self.0 >> 10) & 31
    }
    /// sf: bit 31, 64-bit operation.
    #[inline(always)]
    pub const fn sf(self) -> bool {
        self.0 >> 31 != 0
    }
    /// Signed field `hi:lo`, sign-extended to 64 bits.
    #[inline(always)]
    pub const fn sbits(self, hi: u32, lo: u32) -> i64 {
        let w = hi - lo + 1;
        (((self.0 >> lo) as u64) << (64 - w)) as i64 >> (64 - w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields() {
        // ADD X1, X2, #0x10 = 0x91004041
        let i = Insn(0x9100_4041);
        assert_eq!(i.rd(), 1);
        assert_eq!(i.rn(), 2);
        assert_eq!(i.bits(21, 10), 0x10);
        assert!(i.sf());
        // B #-4 = 0x17ffffff: imm26 = -1
        assert_eq!(Insn(0x17ff_ffff).sbits(25, 0), -1);
        assert_eq!(Insn(0x1400_0002).sbits(25, 0), 2);
    }
}
