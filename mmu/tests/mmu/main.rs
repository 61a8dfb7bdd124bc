//! Table-walk and TLB tests for el2emu-mmu: page tables are built in a `GuestRam`
//! and every expected address and fault is derived by hand in the comments.

mod common;
mod faults;
mod fuzz;
mod perms;
mod stage1;
mod stage2;
mod tlb;
