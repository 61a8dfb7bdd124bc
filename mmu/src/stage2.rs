//! Stage-2 translation (Arm ARM D8.2.x, VTCR_EL2/VTTBR_EL2). PLACEHOLDER.
