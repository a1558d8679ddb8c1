#pragma once
// Internal to onemap_change: how its hot loops are built.

// Hot loops are also built for AVX2 where the toolchain can pick the version at run time (GCC or
// Clang on x86-64 Linux: ifunc); elsewhere one portable build. No FMA either way.
#if defined(__GNUC__) && defined(__x86_64__) && defined(__linux__)
#define ONEMAP_AVX2_CLONES __attribute__((target_clones("avx2", "default")))
#define ONEMAP_ALWAYS_INLINE __attribute__((always_inline))
#else
#define ONEMAP_AVX2_CLONES
#define ONEMAP_ALWAYS_INLINE
#endif
