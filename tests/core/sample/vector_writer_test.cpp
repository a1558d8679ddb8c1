#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "onemap/project/project.h"
#include "onemap/sample/sample_writer.h"
#include "onemap/sample/vector_writer.h"
#include "onemap/vector/feature_reader.h"
#include "onemap/vector/vector_info.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::sample;

namespace {

const vector::LayerInfo* findLayer(const vector::VectorInfo& info, const std::string& name) {
  for (const auto& l : info.layers)
    if (l.name == name) return &l;
  return nullptr;
}

/// All attributes of a layer as text, in feature order (for byte-identical comparisons).
std::string dumpAttributes(const std::filesystem::path& file, const std::string& layer) {
  auto reader = vector::FeatureReader::open(file, layer);
  if (!reader) return "error: " + reader.error().text();
  std::ostringstream out;
  reader->forEach({}, nullptr, [&](const vector::Feature& f) {
    for (const auto& v : f.attributes) {
      if (const auto* s = std::get_if<std::string>(&v)) out << *s;
      else if (const auto* i = std::get_if<std::int64_t>(&v)) out << *i;
      else if (const auto* d = std::get_if<double>(&v)) out << *d;
      out << '|';
    }
    out << '\n';
    return true;
  });
  return out.str();
}

double countyArea(const Scene& s) {
  double area = 0;
  for (const auto& v : s.villages)
    for (const auto& b : v.blocks) area += b.area();
  return area;
}

}  // namespace

TEST(SampleVectors, GeoPackageHasEveryLayerWithTheRightCountsAndAreas) {
  test::TempDir dir;
  const Scene scene = buildScene({SampleSize::Small, 1, 0.0});
  Feedback feedback;
  ASSERT_TRUE(writeSceneVectors(scene, dir.path(), feedback));
  auto info = vector::readVectorInfo(dir / kSampleGeoPackage);
  ASSERT_TRUE(info) << info.error().text();
  for (const char* name : {"XZQ_XIAN", "XZQ_XIANG", "CJDCQ", "DLTB", "YJJBNTTB", "STBHHX", "HL", "YNXXS", "WLJD", "TZ"})
    EXPECT_NE(findLayer(*info, name), nullptr) << name;

  const auto* dltb = findLayer(*info, "DLTB");
  ASSERT_NE(dltb, nullptr);
  std::int64_t inCounty = 0;
  for (const auto& p : scene.parcels) inCounty += p.village >= 0 ? 1 : 0;
  EXPECT_EQ(dltb->featureCount, inCounty);
  EXPECT_EQ(dltb->epsg, 4549);
  EXPECT_EQ(dltb->invalidGeometryCount, 0);
  EXPECT_NEAR(dltb->polygonAreaSquareMetres, countyArea(scene), 1.0);

  const auto* villages = findLayer(*info, "CJDCQ");
  ASSERT_NE(villages, nullptr);
  EXPECT_EQ(villages->featureCount, std::int64_t(scene.villages.size()));
  EXPECT_NEAR(villages->polygonAreaSquareMetres, countyArea(scene), 1.0);  // no gaps, no overlaps
  const auto* county = findLayer(*info, "XZQ_XIAN");
  EXPECT_NEAR(county->polygonAreaSquareMetres, countyArea(scene), 1.0);
  EXPECT_EQ(findLayer(*info, "TZ")->featureCount, std::int64_t(scene.villages.size()));

  auto truth = vector::readVectorInfo(dir / kTruthGeoPackage);
  ASSERT_TRUE(truth);
  EXPECT_EQ(findLayer(*truth, "truth_changes")->featureCount, std::int64_t(scene.changes.size()));
  EXPECT_EQ(findLayer(*truth, "distractors")->featureCount, std::int64_t(scene.distractors.size()));
}

TEST(SampleVectors, LandUseAttributesFollowTheSanDiaoConventions) {
  test::TempDir dir;
  const Scene scene = buildScene({SampleSize::Small, 1, 0.0});
  Feedback feedback;
  ASSERT_TRUE(writeSceneVectors(scene, dir.path(), feedback));
  auto reader = vector::FeatureReader::open(dir / kSampleGeoPackage, "DLTB");
  ASSERT_TRUE(reader);
  const auto& fields = reader->layer().fields;
  auto column = [&](const std::string& name) {
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (fields[i].name == name) return i;
    return std::size_t(-1);
  };
  const auto dlbm = column("DLBM"), dlmc = column("DLMC"), zldwdm = column("ZLDWDM"), tbmj = column("TBMJ");
  ASSERT_NE(dlbm, std::size_t(-1));
  int checked = 0;
  reader->forEach({}, nullptr, [&](const vector::Feature& f) {
    const auto code = std::get<std::string>(f.attributes[dlbm]);
    EXPECT_EQ(std::get<std::string>(f.attributes[dlmc]), landUseName(code));
    EXPECT_EQ(std::get<std::string>(f.attributes[zldwdm]).size(), 12u);
    EXPECT_GT(std::get<double>(f.attributes[tbmj]), 0.0);
    return ++checked < 500;
  });
  EXPECT_EQ(checked, 500);
}

TEST(SampleVectors, SameSeedWritesIdenticalAttributes) {
  test::TempDir a, b;
  Feedback feedback;
  ASSERT_TRUE(writeSceneVectors(buildScene({SampleSize::Small, 5, 0.0}), a.path(), feedback));
  ASSERT_TRUE(writeSceneVectors(buildScene({SampleSize::Small, 5, 0.0}), b.path(), feedback));
  for (const char* layer : {"DLTB", "CJDCQ", "YNXXS"})
    EXPECT_EQ(dumpAttributes(a / kSampleGeoPackage, layer), dumpAttributes(b / kSampleGeoPackage, layer)) << layer;
  EXPECT_EQ(dumpAttributes(a / kTruthGeoPackage, "truth_changes"), dumpAttributes(b / kTruthGeoPackage, "truth_changes"));
}

TEST(SampleVectors, EcommerceCsvHasOneRowPerVillageAndABom) {
  test::TempDir dir;
  const Scene scene = buildScene({SampleSize::Small, 1, 0.0});
  Feedback feedback;
  ASSERT_TRUE(writeSceneVectors(scene, dir.path(), feedback));
  std::ifstream in(dir / kEcommerceCsv, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(std::count(content.begin(), content.end(), '\n'), std::ptrdiff_t(scene.villages.size() + 1));
  EXPECT_NE(content.find(scene.villages[0].name), std::string::npos);
}

TEST(SampleWriter, WritesAFolderWhoseProjectOpensEveryLayer) {
  test::TempDir dir;
  SampleRequest request;
  request.folder = dir / "county";
  request.imagery = false;
  Feedback feedback;
  auto summary = writeSample(request, feedback);
  ASSERT_TRUE(summary) << summary.error().text();
  EXPECT_GE(summary->villages, 10);
  auto project = project::loadProject(dir / "county" / kSampleProject);
  ASSERT_TRUE(project) << project.error().text();
  EXPECT_EQ(project->crs, "EPSG:4549");
  EXPECT_GE(project->layers.size(), 6u);
  EXPECT_TRUE(project::missingSources(*project).empty());
  // Only the finished folder is left: no temporary siblings.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 1);
}

TEST(SampleWriter, RefusesAnExistingFolderUnlessOverwriting) {
  test::TempDir dir;
  std::filesystem::create_directory(dir / "county");
  std::ofstream(dir / "county" / "mine.txt") << "user data";
  SampleRequest request;
  request.folder = dir / "county";
  request.imagery = false;
  Feedback feedback;
  auto refused = writeSample(request, feedback);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
  EXPECT_NE(refused.error().hint.find("--overwrite"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "county" / "mine.txt"));

  request.overwrite = true;
  ASSERT_TRUE(writeSample(request, feedback));
  EXPECT_FALSE(std::filesystem::exists(dir / "county" / "mine.txt"));
  EXPECT_TRUE(std::filesystem::exists(dir / "county" / kSampleGeoPackage));
}

TEST(SampleWriter, CancelLeavesNothingBehind) {
  test::TempDir dir;
  SampleRequest request;
  request.folder = dir / "county";
  Feedback feedback;
  feedback.cancel();
  auto result = writeSample(request, feedback);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::Canceled);
  EXPECT_TRUE(dir.files().empty());
  EXPECT_FALSE(std::filesystem::exists(dir / "county"));
}
