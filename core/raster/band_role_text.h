#pragma once
// Internal to onemap_raster: the text rules behind guessBandRoles (keywords, wavelengths,
// band codes, product detection). Declared here so the rules can be tested one by one.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onemap/raster/band_role.h"

namespace onemap::raster::detail {

/// A product whose band order is known.
enum class Product { None, Sentinel2, LandsatTm, LandsatOli, GfPms, Gf6Wfv };

/// A recognised product, with a label ("GF-2 PMS") and where it was seen ("metadata",
/// "file name", "band description").
struct ProductMatch {
  Product product = Product::None;
  std::string label;
  std::string origin;
};

/// A band's centre wavelength (and width when a range was given), in micrometres.
struct Wavelength {
  double centreUm = 0.0;
  double widthUm = 0.0;
};

/// A plain decimal number filling the whole (trimmed) text.
std::optional<double> parseNumber(std::string_view text) noexcept;
/// The first wavelength with a unit in `text`: "0.45-0.52 µm", "842 nm", "(0.485 Micrometers)".
std::optional<Wavelength> wavelengthFromText(std::string_view text);
/// The role of a band centred at `w` (a range wider than 0.2 µm in the visible is panchromatic).
std::optional<BandRole> roleFromWavelength(const Wavelength& w) noexcept;
/// Role words in English ("Blue", "near infrared", "SWIR 1", "Red Edge 2") or Chinese ("近红外");
/// nullopt when none or several different roles are named.
std::optional<BandRole> roleFromKeywords(std::string_view text);
/// A band code token ("B2", "B08", "B8A") read with the band numbering of `product`
/// (Sentinel-2 numbering when the product is unknown).
std::optional<BandRole> roleFromBandCodeText(std::string_view text, Product product);
/// The band of a single-band delivery from its file name ("…_B08.tif", "LC08_…_SR_B5.TIF").
std::optional<BandRole> roleFromFileName(std::string_view fileName, Product product);
/// The product named by dataset metadata, the file name or the band descriptions.
ProductMatch detectProduct(const RasterEvidence& evidence);
/// The band order of `product` for a file with `bandCount` bands (empty when not known).
std::vector<BandRole> productBandOrder(Product product, std::size_t bandCount);
/// "Sentinel-2", "Landsat TM/ETM+", "Landsat 8/9 OLI", "GF PMS", "GF-6 WFV".
std::string_view productLabel(Product product) noexcept;

}  // namespace onemap::raster::detail
