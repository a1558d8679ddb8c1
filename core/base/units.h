#pragma once

namespace onemap::units {

/// 1 亩 (mu) = 10000/15 m² ≈ 666.67 m², the unit Chinese users read areas in.
inline constexpr double kSquareMetresPerMu = 10000.0 / 15.0;
/// 1 hectare = 10 000 m² = 15 亩.
inline constexpr double kSquareMetresPerHectare = 10000.0;

constexpr double squareMetresToMu(double squareMetres) { return squareMetres / kSquareMetresPerMu; }
constexpr double muToSquareMetres(double mu) { return mu * kSquareMetresPerMu; }
constexpr double squareMetresToHectares(double squareMetres) {
  return squareMetres / kSquareMetresPerHectare;
}
constexpr double hectaresToSquareMetres(double hectares) {
  return hectares * kSquareMetresPerHectare;
}
constexpr double hectaresToMu(double hectares) { return squareMetresToMu(hectaresToSquareMetres(hectares)); }

}  // namespace onemap::units
