//! memset/memcpy/memmove/memcmp/bcmp for the compiler, using general-purpose
//! registers only. The precompiled `compiler_builtins` versions may use SIMD
//! registers (its memset does), which would clobber whichever guest's or the
//! host's FP/SIMD state is live in them. These strong definitions override
//! those weak ones. Byte/word loops: the hypervisor copies little data.

use core::arch::global_asm;

global_asm!(
    r#"
    .section .text.mem, "ax"

    // void *memset(void *d, int c, size_t n)
    .global memset
memset:
    mov     x3, x0
0:  cbz     x2, 1f
    strb    w1, [x3], #1
    sub     x2, x2, #1
    b       0b
1:  ret

    // void *memcpy(void *d, const void *s, size_t n): forward byte copy,
    // 8 bytes at a time when both pointers are 8-byte aligned
    // (EL2 runs with the MMU off: unaligned accesses would fault).
    .global memcpy
memcpy:
    mov     x3, x0
    orr     x4, x0, x1
    tst     x4, #7
    b.ne    2f
0:  cmp     x2, #8
    b.lo    2f
    ldr     x4, [x1], #8
    str     x4, [x3], #8
    sub     x2, x2, #8
    b       0b
2:  cbz     x2, 3f
    ldrb    w4, [x1], #1
    strb    w4, [x3], #1
    sub     x2, x2, #1
    b       2b
3:  ret

    // void *memmove(void *d, const void *s, size_t n)
    .global memmove
memmove:
    cmp     x0, x1
    b.ls    memcpy                  // d <= s: a forward copy is safe
    add     x3, x0, x2
    add     x1, x1, x2
0:  cbz     x2, 1f
    ldrb    w4, [x1, #-1]!
    strb    w4, [x3, #-1]!
    sub     x2, x2, #1
    b       0b
1:  ret

    // int memcmp(const void *a, const void *b, size_t n), also bcmp
    .global memcmp
    .global bcmp
memcmp:
bcmp:
0:  cbz     x2, 1f
    ldrb    w3, [x0], #1
    ldrb    w4, [x1], #1
    sub     x2, x2, #1
    subs    w5, w3, w4
    b.eq    0b
    mov     w0, w5
    ret
1:  mov     w0, #0
    ret
"#
);
