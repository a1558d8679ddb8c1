#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/layer_ref.h"
#include "onemap/base/feedback.h"
#include "onemap/change/change_parameters.h"

namespace onemap::change {

using onemap::LayerRef;

/// What to compare and where to write the patches.
struct ChangeInputs {
  std::filesystem::path before;
  std::filesystem::path after;
  std::string beforeBands;  ///< band role override, e.g. "blue=1,green=2,red=3,nir=4"; empty = guessed
  std::string afterBands;
  LayerRef cropland;        ///< 耕地: a DLTB layer (DLBM 01xx is taken) or a cropland-only layer; an empty
                            ///< path = no layer: every pixel is a candidate and patches have no QDLBM
  std::optional<LayerRef> pbf;       ///< 永久基本农田
  std::optional<LayerRef> villages;  ///< 村级调查区 with ZLDWDM/ZLDWMC
  std::optional<LayerRef> redLine;   ///< 生态保护红线
  std::string beforeDate;   ///< QSX; empty = the image's ACQUISITION_DATE metadata or its file name
  std::string afterDate;    ///< HSX
  std::filesystem::path output;  ///< GeoPackage to write (change_patches + village_summary)
  bool overwrite = false;
};

/// Something the user should know about a run that is not an error.
struct RunWarning {
  enum class Kind {
    NoDifference,   ///< the images do not differ anywhere: nothing to threshold, no patch
    CoverKept,      ///< all the ground kept its cover (vegetated or water on both dates)
    SameDate,       ///< both images carry the same date (args: date)
    DatesReversed,  ///< the before image is the later one (args: before date, after date)
    PixelSizes,     ///< pixel sizes differ over 3 × (args: ratio, before m, after m, all "%.1f")
  };
  Kind kind = Kind::NoDifference;
  std::vector<std::string> args;
  /// The English sentence (the applications translate by kind and args).
  std::string text() const;
};

/// Count and area of the patches of one change type in one village.
struct SummaryRow {
  std::string villageCode;
  std::string villageName;
  std::string type;     ///< 非农化 / 非粮化 / 其他
  int count = 0;
  double areaM2 = 0.0;
  double pbfAreaM2 = 0.0;
};

/// What a run found and how (printed by the CLI, shown by the GUI).
struct ChangeSummary {
  int patches = 0;
  double areaM2 = 0.0;
  std::map<std::string, int> bySubtype;  ///< building, road, pond, orchard_forest, bare, other
  std::vector<SummaryRow> villages;
  float threshold = 0.0f;                ///< change-magnitude threshold used (noise units; +inf: nothing to threshold)
  float medianMagnitude = 0.0f;          ///< median change magnitude of the scene (unchanged ground), noise units
  std::vector<RunWarning> warnings;      ///< what the user should know about the run
  std::size_t invariantPixels = 0;
  std::vector<std::string> bands;        ///< roles of the bands compared (blue, green, red, nir, then SWIR when both dates have it)
  std::vector<double> gains;             ///< after → before gain per band used (blue, green, red, nir, SWIR…)
  std::vector<double> offsets;           ///< after → before offset per band
  std::int64_t pixels = 0;               ///< pixels of the before grid processed
  std::string crs;                       ///< the grid's CRS as "EPSG:4326 WGS 84" (the before image's)
  bool geographicGrid = false;           ///< the grid is in degrees (distances and areas on the ellipsoid)
  double pixelWidthM = 0.0;              ///< ground size of a pixel at the grid's centre, in metres
  double pixelHeightM = 0.0;
  double seconds = 0.0;
};

struct BlockPassObserver;

/// Detects 非农化 / 非粮化 patches between two image dates on cropland and writes them with the
/// per-village summary to `inputs.output` (temporary name, renamed when complete; nothing is
/// left behind on error or Cancel). Streams blocks within the memory parameter on
/// `parameters.threads` threads. `observer` (block_pass_observer.h; tests and benchmarks) sets
/// options of the block pass and receives its counters.
Result<ChangeSummary> detectChanges(const ChangeInputs& inputs, const ChangeParameters& parameters,
                                    Feedback& feedback, BlockPassObserver* observer = nullptr);

}  // namespace onemap::change
