#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace onemap::change {

/// A linear mapping of one band of the after date onto the before date: before ≈ gain·after + offset.
struct BandMapping {
  double gain = 1.0;
  double offset = 0.0;
};

/// Relative radiometric normalisation of the bands (blue, green, red, nir, then SWIR when both
/// dates have it), fitted on pseudo-invariant pixels.
struct Normalization {
  std::vector<BandMapping> bands;
  std::size_t invariantPixels = 0;  ///< pixels the final fit used
  float apply(int band, float afterValue) const {
    return float(bands[std::size_t(band)].gain * afterValue + bands[std::size_t(band)].offset);
  }
};

/// Fits the normalisation from co-registered samples (band-sequential, `bandCount` × `pixels`
/// floats each; NaN = no data): starts from mean/std matching, then refits three times by orthogonal
/// regression on the 40 % of pixels that changed least (IR-MAD-like pseudo-invariant selection),
/// so that sensor gain, haze and season brightness shifts are not taken for change. Pixels
/// flagged in `excluded` (when not empty: one byte per pixel, e.g. clouds) are left out.
Normalization fitNormalization(std::span<const float> before, std::span<const float> after, std::size_t pixels,
                               std::size_t bandCount = 4, std::span<const std::uint8_t> excluded = {});

/// Flags (1) the pixels of band-sequential `values` (blue, green, red first; `pixels` each) far
/// brighter than the image's land: visible mean and blue above max(1.3 × the 99.5th percentile,
/// 1.6 × the median) of the visible mean, or above 4 × its lower quartile when that is less (a
/// cloud over more than 0.5 % of the image) — clouds, measured on the image's own scale.
void flagBrightest(std::span<const float> values, std::size_t pixels, std::vector<std::uint8_t>& flags);

/// Otsu's threshold of `values` (finite ones) over a 256-bin histogram of [0, upper]: the value
/// that best separates them into two classes. Returns `upper / 2` for fewer than 16 values.
float otsuThreshold(std::span<const float> values, float upper);

}  // namespace onemap::change
