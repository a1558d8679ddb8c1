// Mean GF-1/GF-6 PMS-like digital numbers (10-bit range, 0–1023) of every cover and material of
// the synthetic county. Values follow the usual shapes: green vegetation dark in blue and red with
// a high NIR plateau (600–850), water darkest in NIR (~100), bare soil rising slowly from blue to
// NIR, concrete bright and flat (550–700), blue steel sheds bright in blue and dark in red.
#include "onemap/sample/spectra.h"

#include <algorithm>

namespace onemap::sample {
namespace {

constexpr int kCoverCount = int(Cover::Greenhouse) + 1;
constexpr int kMaterialCount = int(Material::Cloud) + 1;

//                                            blue  green  red   NIR
constexpr Bands kCoverSpectra[kCoverCount] = {
    /* PaddyRice        */ Bands{185.f, 230.f, 165.f, 610.f},
    /* IrrigatedCrop    */ Bands{175.f, 250.f, 170.f, 830.f},
    /* DryCrop          */ Bands{195.f, 260.f, 205.f, 760.f},
    /* HarvestedStubble */ Bands{300.f, 345.f, 385.f, 470.f},
    /* BareSoil         */ Bands{320.f, 380.f, 440.f, 510.f},
    /* Orchard          */ Bands{230.f, 290.f, 270.f, 600.f},
    /* Nursery          */ Bands{215.f, 280.f, 245.f, 640.f},
    /* Forest           */ Bands{150.f, 200.f, 140.f, 690.f},
    /* Grass            */ Bands{205.f, 270.f, 215.f, 650.f},
    /* Pond             */ Bands{255.f, 260.f, 175.f, 120.f},
    /* River            */ Bands{240.f, 235.f, 160.f, 95.f},
    /* Building         */ Bands{520.f, 550.f, 560.f, 590.f},
    /* Hardened         */ Bands{580.f, 620.f, 650.f, 670.f},
    /* Asphalt          */ Bands{300.f, 305.f, 310.f, 330.f},
    /* RuralRoad        */ Bands{390.f, 430.f, 470.f, 510.f},
    /* Homestead        */ Bands{400.f, 430.f, 440.f, 560.f},
    /* Greenhouse       */ Bands{700.f, 725.f, 720.f, 760.f},
};

constexpr Bands kMaterialSpectra[kMaterialCount] = {
    /* Soil          */ Bands{300.f, 350.f, 400.f, 470.f},
    /* DrySoil       */ Bands{400.f, 450.f, 510.f, 570.f},
    /* Grass         */ Bands{210.f, 275.f, 220.f, 640.f},
    /* Crown         */ Bands{165.f, 235.f, 160.f, 760.f},
    /* ForestCrown   */ Bands{145.f, 195.f, 130.f, 720.f},
    /* Water         */ Bands{230.f, 235.f, 165.f, 110.f},
    /* Concrete      */ Bands{580.f, 620.f, 650.f, 670.f},
    /* RoofGrey      */ Bands{520.f, 545.f, 555.f, 580.f},
    /* RoofBlueSteel */ Bands{640.f, 540.f, 330.f, 390.f},
    /* RoofRedTile   */ Bands{330.f, 330.f, 540.f, 500.f},
    /* RoofWhite     */ Bands{820.f, 835.f, 840.f, 830.f},
    /* Plastic       */ Bands{700.f, 725.f, 720.f, 760.f},
    /* Cloud         */ Bands{985.f, 975.f, 965.f, 950.f},
};

}  // namespace

Material roofMaterial(int index) {
  static constexpr Material kRoofs[kRoofKinds] = {Material::RoofGrey, Material::RoofBlueSteel,
                                                  Material::RoofRedTile, Material::RoofWhite};
  return kRoofs[std::clamp(index, 0, kRoofKinds - 1)];
}

const Bands& materialSpectrum(Material material) { return kMaterialSpectra[int(material)]; }

const Bands& coverSpectrum(Cover cover) { return kCoverSpectra[int(cover)]; }

bool isVegetation(Cover cover) {
  switch (cover) {
    case Cover::PaddyRice:
    case Cover::IrrigatedCrop:
    case Cover::DryCrop:
    case Cover::Orchard:
    case Cover::Nursery:
    case Cover::Forest:
    case Cover::Grass:
      return true;
    default:
      return false;
  }
}

Bands parcelSpectrum(Cover cover, float vigour) {
  const Bands& mean = coverSpectrum(cover);
  const float v = std::clamp(vigour, 0.5f, 1.5f);
  if (!isVegetation(cover)) return scaled(mean, 0.9f + 0.1f * v);
  // More chlorophyll and leaf area: NIR up, red (and a little blue) absorbed, green up slightly.
  return {mean[0] * (1.0f + 0.3f * (1.0f - v)), mean[1] * (1.0f + 0.3f * (v - 1.0f)),
          mean[2] * (1.0f + 0.8f * (1.0f - v)), mean[3] * v};
}

}  // namespace onemap::sample
