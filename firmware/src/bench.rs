//! Integer benchmark kernels (pure Rust, no FP, no I/O), shared by the
//! `bench_int` firmware and a host-side reference run. All state lives in
//! caller-provided buffers so the firmware can place them in `.bss`.

/// xorshift64 pseudo-random generator (Marsaglia 2003).
pub fn xorshift(s: &mut u64) -> u64 {
    let mut x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *s = x;
    x
}

/// Builds the reflected CRC-32 (IEEE 802.3, poly 0xEDB88320) lookup table.
pub fn crc32_table(t: &mut [u32; 256]) {
    for (i, e) in t.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *e = c;
    }
}

/// Table-driven CRC-32 of `data`, continuing from `crc`.
pub fn crc32(t: &[u32; 256], crc: u32, data: &[u8]) -> u32 {
    let mut c = !crc;
    for &b in data {
        c = t[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// Sieve of Eratosthenes over `flags` (one byte per number); returns the
/// number of primes below `flags.len()` and their wrapping sum.
pub fn sieve(flags: &mut [u8]) -> (u64, u64) {
    let n = flags.len();
    for f in flags.iter_mut() {
        *f = 1;
    }
    let (mut count, mut sum) = (0u64, 0u64);
    let mut i = 2;
    while i < n {
        if flags[i] != 0 {
            count += 1;
            sum = sum.wrapping_add(i as u64);
            let mut j = i * i;
            while j < n {
                flags[j] = 0;
                j += i;
            }
        }
        i += 1;
    }
    (count, sum)
}

/// In-place heap sort.
pub fn heap_sort(a: &mut [u32]) {
    fn sift(a: &mut [u32], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && a[child] < a[child + 1] {
                child += 1;
            }
            if a[root] >= a[child] {
                return;
            }
            a.swap(root, child);
            root = child;
        }
    }
    let n = a.len();
    for start in (0..n / 2).rev() {
        sift(a, start, n);
    }
    for end in (1..n).rev() {
        a.swap(0, end);
        sift(a, 0, end);
    }
}

/// Matrix dimension for [`matmul`].
pub const N: usize = 48;

/// `c = a * b` over wrapping u32 arithmetic.
pub fn matmul(a: &[[u32; N]; N], b: &[[u32; N]; N], c: &mut [[u32; N]; N]) {
    for i in 0..N {
        for j in 0..N {
            let mut s = 0u32;
            for k in 0..N {
                s = s.wrapping_add(a[i][k].wrapping_mul(b[k][j]));
            }
            c[i][j] = s;
        }
    }
}

/// Iterative Fibonacci modulo 2^64 (with a data-dependent xor to defeat
/// closed-form optimisation).
pub fn fib(n: u64) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for i in 0..n {
        let t = a.wrapping_add(b) ^ (i & 1);
        a = b;
        b = t;
    }
    a
}

/// Bench sizes.
pub const CRC_BYTES: usize = 256 * 1024;
/// Passes of CRC over the buffer.
pub const CRC_PASSES: u32 = 24;
/// Sieve size.
pub const SIEVE_N: usize = 1 << 20;
/// Sieve repetitions.
pub const SIEVE_REPS: u32 = 6;
/// Elements sorted per round.
pub const SORT_N: usize = 16 * 1024;
/// Sort rounds.
pub const SORT_ROUNDS: u32 = 6;
/// Matrix multiplication rounds.
pub const MATMUL_ROUNDS: u32 = 20;
/// Fibonacci iterations.
pub const FIB_N: u64 = 5_000_000;

/// Results of [`run`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// CRC-32 chained over all passes.
    pub crc: u32,
    /// Primes below SIEVE_N.
    pub primes: u64,
    /// Wrapping sum of those primes.
    pub prime_sum: u64,
    /// Checksum of the sorted arrays.
    pub sort: u64,
    /// Checksum of the matrix products.
    pub matmul: u64,
    /// Fibonacci-like value.
    pub fib: u64,
    /// Combined checksum.
    pub total: u64,
}

/// Working memory for [`run`].
pub struct Work {
    /// CRC input.
    pub bytes: [u8; CRC_BYTES],
    /// Sieve flags.
    pub flags: [u8; SIEVE_N],
    /// Sort buffer.
    pub sort: [u32; SORT_N],
    /// Matrices.
    pub m: [[[u32; N]; N]; 3],
    /// CRC table.
    pub table: [u32; 256],
}

/// Runs all kernels.
pub fn run(w: &mut Work) -> Results {
    let mut r = Results::default();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;

    crc32_table(&mut w.table);
    for b in w.bytes.iter_mut() {
        *b = xorshift(&mut seed) as u8;
    }
    let mut crc = 0;
    for _ in 0..CRC_PASSES {
        crc = crc32(&w.table, crc, &w.bytes);
    }
    r.crc = crc;

    for _ in 0..SIEVE_REPS {
        let (c, s) = sieve(&mut w.flags);
        r.primes = c;
        r.prime_sum = s;
    }

    let mut sort_sum = 0u64;
    for round in 0..SORT_ROUNDS {
        for v in w.sort.iter_mut() {
            *v = xorshift(&mut seed) as u32;
        }
        heap_sort(&mut w.sort);
        for (i, v) in w.sort.iter().enumerate() {
            sort_sum = sort_sum.rotate_left(5) ^ (*v as u64).wrapping_mul(i as u64 + round as u64 + 1);
        }
    }
    r.sort = sort_sum;

    let mut mm = 0u64;
    for round in 0..MATMUL_ROUNDS {
        for i in 0..N {
            for j in 0..N {
                w.m[0][i][j] = xorshift(&mut seed) as u32 & 0xffff;
                w.m[1][i][j] = (i as u32 * 31 + j as u32 * 17 + round) & 0xff;
            }
        }
        let [a, b, c] = &mut w.m;
        matmul(a, b, c);
        for row in c.iter() {
            for v in row.iter() {
                mm = mm.wrapping_mul(31).wrapping_add(*v as u64);
            }
        }
    }
    r.matmul = mm;

    r.fib = fib(FIB_N);

    r.total = (r.crc as u64)
        ^ r.primes.rotate_left(8)
        ^ r.prime_sum.rotate_left(16)
        ^ r.sort.rotate_left(24)
        ^ r.matmul.rotate_left(32)
        ^ r.fib.rotate_left(40);
    r
}
