#pragma once

#include <cmath>
#include <cstdint>

namespace onemap::sample {

/// Stateless, platform-independent hashing of integers to pseudo-random values: the same
/// (seed, keys...) always gives the same number on every machine and thread, so tiles and
/// features can be generated in any order and in parallel with identical results.
inline std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

inline std::uint64_t hashKeys(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0,
                              std::uint64_t d = 0) {
  std::uint64_t h = mix64(seed);
  h = mix64(h ^ a);
  h = mix64(h ^ b);
  h = mix64(h ^ c);
  return mix64(h ^ d);
}

/// Uniform in [0, 1) from a 64-bit hash.
inline double unitFromHash(std::uint64_t h) { return double(h >> 11) * (1.0 / 9007199254740992.0); }

/// A small deterministic generator (SplitMix64) for sequential layout decisions.
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() { return mix64(m_state++); }
  /// Uniform in [0, 1).
  double uniform() { return unitFromHash(next()); }
  /// Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  /// Integer uniform in [lo, hi] (inclusive).
  int integer(int lo, int hi) { return lo + int(next() % std::uint64_t(hi - lo + 1)); }
  bool chance(double p) { return uniform() < p; }
  /// Standard normal (Box–Muller).
  double normal() {
    const double u1 = std::max(uniform(), 1e-300);
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  std::uint64_t m_state;
};

}  // namespace onemap::sample
