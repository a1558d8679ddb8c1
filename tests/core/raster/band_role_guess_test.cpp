#include <gtest/gtest.h>

#include "onemap/raster/band_role.h"
#include "onemap/raster/band_role_text.h"

using namespace onemap::raster;

namespace {

RasterEvidence bands(std::vector<std::string> descriptions, std::string dataType = "UInt16") {
  RasterEvidence evidence;
  for (auto& description : descriptions) {
    BandEvidence band;
    band.description = std::move(description);
    band.colorInterpretation = "Undefined";
    band.dataType = dataType;
    evidence.bands.push_back(std::move(band));
  }
  return evidence;
}

RasterEvidence blankBands(int count, std::string dataType = "UInt16") {
  return bands(std::vector<std::string>(static_cast<std::size_t>(count)), std::move(dataType));
}

BandRole singleBand(const std::string& description) {
  return guessBandRoles(bands({description})).role(1);
}

BandRole singleFile(const std::string& fileName) {
  RasterEvidence evidence = blankBands(1);
  evidence.fileName = fileName;
  return guessBandRoles(evidence).role(1);
}

}  // namespace

TEST(RasterBandRoleGuess, DescriptionsNameTheirRoles) {
  const std::pair<const char*, BandRole> cases[] = {
      {"Blue", BandRole::Blue},
      {"B2", BandRole::Blue},
      {"B8 (NIR)", BandRole::Nir},
      {"near infrared", BandRole::Nir},
      {"Near-Infrared", BandRole::Nir},
      {"SWIR 1", BandRole::Swir1},
      {"swir2", BandRole::Swir2},
      {"Short-wave infrared 2", BandRole::Swir2},
      {"Red Edge 2", BandRole::RedEdge2},
      {"Coastal aerosol", BandRole::Coastal},
      {"Thermal Infrared", BandRole::Thermal},
      {"Panchromatic", BandRole::Pan},
      {"Water vapour", BandRole::WaterVapour},
      {"B8A", BandRole::NarrowNir},
      {"B11", BandRole::Swir1},
      {"近红外", BandRole::Nir},
      {"红", BandRole::Red},
      {"红边2", BandRole::RedEdge2},
  };
  for (const auto& [description, role] : cases)
    EXPECT_EQ(singleBand(description), role) << description;
}

TEST(RasterBandRoleGuess, WavelengthsInDescriptionsGiveRoles) {
  const std::pair<const char*, BandRole> cases[] = {
      {"0.45-0.52 µm", BandRole::Blue},
      {"0.52 - 0.60 um", BandRole::Green},
      {"842 nm", BandRole::Nir},
      {"B8 (NIR, 842 nm)", BandRole::Nir},
      {"Band 5 (1.55-1.75 micrometers)", BandRole::Swir1},
      {"(0.660000 Micrometers)", BandRole::Red},
      {"705nm", BandRole::RedEdge1},
      {"2190 nm", BandRole::Swir2},
      {"10.9 µm", BandRole::Thermal},
      {"0.50-0.90 µm", BandRole::Pan},
  };
  for (const auto& [description, role] : cases)
    EXPECT_EQ(singleBand(description), role) << description;
}

TEST(RasterBandRoleGuess, WordsThatAreNotRolesGiveNothing) {
  EXPECT_EQ(singleBand("Band 1"), BandRole::Unknown);
  EXPECT_EQ(singleBand("Vegetation Red Edge"), BandRole::Unknown);  // which one?
  EXPECT_EQ(singleBand("infrared"), BandRole::Unknown);
  EXPECT_EQ(singleBand("Blue-Green ratio"), BandRole::Unknown);
  EXPECT_EQ(singleBand("resize 10 m"), BandRole::Unknown);
}

TEST(RasterBandRoleGuess, LandsatResizeDescriptionsUseTheWavelengthNotTheBandNumber) {
  RasterEvidence evidence = bands({
      "Resize (TM Meta (Band 1):LT51200382000124BJC00_MTL.txt) (0.485000 Micrometers)",
      "Resize (TM Meta (Band 2):LT51200382000124BJC00_MTL.txt) (0.569000 Micrometers)",
      "Resize (TM Meta (Band 3):LT51200382000124BJC00_MTL.txt) (0.660000 Micrometers)",
      "Resize (TM Meta (Band 4):LT51200382000124BJC00_MTL.txt) (0.840000 Micrometers)",
      "Resize (TM Meta (Band 5):LT51200382000124BJC00_MTL.txt) (1.676000 Micrometers)",
      "Resize (TM Meta (Band 7):LT51200382000124BJC00_MTL.txt) (2.223000 Micrometers)",
  }, "Byte");
  const BandRoleMap map = guessBandRoles(evidence);
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:red 4:nir 5:swir1 6:swir2");
  EXPECT_EQ(map.guess(6).source, "band description (wavelength)");
}

TEST(RasterBandRoleGuess, BandMetadataWavelengthsGiveRoles) {
  RasterEvidence evidence = blankBands(3);
  evidence.bands[0].metadata = {{"WAVELENGTH", "665"}, {"WAVELENGTH_UNITS", "nm"}};
  evidence.bands[1].metadata = {{"CENTRAL_WAVELENGTH_UM", "0.842"}};
  evidence.bands[2].metadata = {{"wavelength", "1.676000"}, {"wavelength_units", "Micrometers"}};
  const BandRoleMap map = guessBandRoles(evidence);
  EXPECT_EQ(map.summary(), "1:red 2:nir 3:swir1");
  EXPECT_EQ(map.guess(2).source, "band metadata (wavelength)");
}

TEST(RasterBandRoleGuess, BandNameMetadataGivesSentinel2Roles) {
  RasterEvidence evidence = blankBands(2);
  evidence.bands[0].metadata = {{"BANDNAME", "B4"}};
  evidence.bands[1].metadata = {{"BANDNAME", "B8"}};
  EXPECT_EQ(guessBandRoles(evidence).summary(), "1:red 2:nir");
}

TEST(RasterBandRoleGuess, TwoNirWavelengthsBecomeNirAndNarrowNir) {
  EXPECT_EQ(guessBandRoles(bands({"842 nm", "865 nm"})).summary(), "1:nir 2:narrownir");
}

TEST(RasterBandRoleGuess, ColourInterpretationGivesRgbAndAlpha) {
  RasterEvidence evidence = blankBands(4, "Byte");
  const char* interpretations[] = {"Red", "Green", "Blue", "Alpha"};
  for (std::size_t i = 0; i < 4; ++i) evidence.bands[i].colorInterpretation = interpretations[i];
  const BandRoleMap map = guessBandRoles(evidence);
  EXPECT_EQ(map.summary(), "1:red 2:green 3:blue 4:alpha");
  EXPECT_EQ(map.guess(1).source, "colour interpretation");
}

TEST(RasterBandRoleGuess, DescriptionsWinOverColourInterpretation) {
  RasterEvidence evidence = bands({"Blue", "Green", "Red"}, "Byte");
  evidence.bands[0].colorInterpretation = "Red";
  evidence.bands[1].colorInterpretation = "Green";
  evidence.bands[2].colorInterpretation = "Blue";
  EXPECT_EQ(guessBandRoles(evidence).summary(), "1:blue 2:green 3:red");
}

TEST(RasterBandRoleGuess, GrayColourInterpretationSaysNothing) {
  RasterEvidence evidence = blankBands(1, "Float32");
  evidence.bands[0].colorInterpretation = "Gray";
  EXPECT_EQ(guessBandRoles(evidence).role(1), BandRole::Unknown);
}

TEST(RasterBandRoleGuess, Sentinel2SingleBandFileNamesGiveTheBand) {
  EXPECT_EQ(singleFile("T48RXT_20170414T032541_B08.tif"), BandRole::Nir);
  EXPECT_EQ(singleFile("T48RXT_20170414T032541_B8A.tif"), BandRole::NarrowNir);
  EXPECT_EQ(singleFile("T48RXT_20170414T032541_B01.tif"), BandRole::Coastal);
  EXPECT_EQ(singleFile("T48RXT_20170414T032541_B02.tif"), BandRole::Blue);
  EXPECT_EQ(singleFile("T48RXT_20170414T032541_B05.tif"), BandRole::RedEdge1);
  EXPECT_EQ(singleFile("T48RXT_20170414T032541_B07.tif"), BandRole::RedEdge3);
  EXPECT_EQ(singleFile("T48RXT_20170414T032541_B09.tif"), BandRole::WaterVapour);
  EXPECT_EQ(singleFile("T48RXT_20170414T032541_B10.tif"), BandRole::Cirrus);
  EXPECT_EQ(singleFile("T48RXT_20170414T032541_B11.tif"), BandRole::Swir1);
  EXPECT_EQ(singleFile("T48RXT_20180402T033531_B12.tif"), BandRole::Swir2);
  EXPECT_EQ(singleFile("T50RPV_20230101T030000_B04_10m.jp2"), BandRole::Red);
  EXPECT_EQ(singleFile("mosaic.tif"), BandRole::Unknown);

  RasterEvidence evidence = blankBands(1);
  evidence.fileName = "T48RXT_20170414T032541_B08.tif";
  EXPECT_EQ(guessBandRoles(evidence).guess(1).source, "file name");
}

TEST(RasterBandRoleGuess, LandsatSingleBandFileNamesUseTheSensorNumbering) {
  EXPECT_EQ(singleFile("LC08_L2SP_120038_20200101_20200113_02_T1_SR_B5.TIF"), BandRole::Nir);
  EXPECT_EQ(singleFile("LC09_L1TP_120038_20220101_20220101_02_T1_B1.TIF"), BandRole::Coastal);
  EXPECT_EQ(singleFile("LT05_L1TP_120038_20000503_20160922_01_T1_B5.TIF"), BandRole::Swir1);
  EXPECT_EQ(singleFile("LT05_L1TP_120038_20000503_20160922_01_T1_B1.TIF"), BandRole::Blue);
  EXPECT_EQ(singleFile("LE07_L1TP_120038_20020712_20160928_01_T1_B6_VCID_1.TIF"),
            BandRole::Thermal);
}

TEST(RasterBandRoleGuess, LandsatTmMetadataGivesReflectiveOrder) {
  RasterEvidence six = blankBands(6, "Byte");
  six.metadata = {{"SPACECRAFT_ID", "LANDSAT_5"}, {"SENSOR_ID", "TM"}};
  const BandRoleMap map = guessBandRoles(six);
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:red 4:nir 5:swir1 6:swir2");
  EXPECT_EQ(map.guess(1).source, "Landsat TM metadata");

  RasterEvidence seven = blankBands(7, "Byte");
  seven.metadata = {{"SPACECRAFT_ID", "LANDSAT_7"}};
  EXPECT_EQ(guessBandRoles(seven).summary(),
            "1:blue 2:green 3:red 4:nir 5:swir1 6:thermal 7:swir2");
}

TEST(RasterBandRoleGuess, LandsatOliMetadataStartsWithCoastal) {
  RasterEvidence evidence = blankBands(7);
  evidence.metadata = {{"SPACECRAFT_ID", "LANDSAT_8"}, {"SENSOR_ID", "OLI_TIRS"}};
  EXPECT_EQ(guessBandRoles(evidence).summary(),
            "1:coastal 2:blue 3:green 4:red 5:nir 6:swir1 7:swir2");
}

TEST(RasterBandRoleGuess, LandsatProductIdInFileNameGivesOrder) {
  RasterEvidence evidence = blankBands(6);
  evidence.fileName = "LT05_L2SP_120038_20000503_stack.tif";
  const BandRoleMap map = guessBandRoles(evidence);
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:red 4:nir 5:swir1 6:swir2");
  EXPECT_EQ(map.guess(1).source, "file name (Landsat TM/ETM+ band order)");
}

TEST(RasterBandRoleGuess, Sentinel2MetadataGivesThirteenBandOrder) {
  RasterEvidence evidence = blankBands(13);
  evidence.metadata = {{"SPACECRAFT_NAME", "Sentinel-2A"}};
  const BandRoleMap map = guessBandRoles(evidence);
  EXPECT_EQ(map.summary(),
            "1:coastal 2:blue 3:green 4:red 5:rededge1 6:rededge2 7:rededge3 8:nir 9:narrownir "
            "10:watervapour 11:cirrus 12:swir1 13:swir2");
  EXPECT_EQ(map.guess(8).source, "Sentinel-2 metadata");
}

TEST(RasterBandRoleGuess, GfMetadataGivesPmsOrder) {
  RasterEvidence evidence = blankBands(4);
  evidence.metadata = {{"SATELLITE", "GF2"}, {"SENSOR", "PMS1"}};
  const BandRoleMap map = guessBandRoles(evidence);
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:red 4:nir");
  EXPECT_EQ(map.guess(4).source, "GF-2 PMS metadata");
}

TEST(RasterBandRoleGuess, GfFileNameGivesPmsOrder) {
  RasterEvidence evidence = blankBands(4);
  evidence.fileName = "GF1_PMS2_E118.8_N32.0_20200101_L1A0004512345-MSS2.tiff";
  const BandRoleMap map = guessBandRoles(evidence);
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:red 4:nir");
  EXPECT_EQ(map.guess(1).source, "file name (GF-1 PMS band order)");
}

TEST(RasterBandRoleGuess, Gf6WfvEightBandsIncludeRedEdges) {
  RasterEvidence evidence = blankBands(8);
  evidence.metadata = {{"SatelliteID", "GF6"}, {"SensorID", "WFV"}};
  EXPECT_EQ(guessBandRoles(evidence).summary(),
            "1:blue 2:green 3:red 4:nir 5:rededge1 6:rededge2 7:coastal 8:unknown");
}

TEST(RasterBandRoleGuess, FourBandUInt16WithoutEvidenceDefaultsToGfPmsOrder) {
  const BandRoleMap map = guessBandRoles(blankBands(4, "UInt16"));
  EXPECT_EQ(map.summary(), "1:blue 2:green 3:red 4:nir");
  EXPECT_EQ(map.guess(2).source, "band count (GF-1/GF-2 PMS order)");
  EXPECT_EQ(guessBandRoles(blankBands(4, "Float32")).summary(),
            "1:unknown 2:unknown 3:unknown 4:unknown");
}

TEST(RasterBandRoleGuess, ThreeBandByteWithoutEvidenceIsRgb) {
  EXPECT_EQ(guessBandRoles(blankBands(3, "Byte")).summary(), "1:red 2:green 3:blue");
}

TEST(RasterBandRoleGuess, PartialEvidenceIsNotOverriddenByBandCountDefault) {
  RasterEvidence evidence = bands({"", "", "", "Red"});
  EXPECT_EQ(guessBandRoles(evidence).summary(), "1:unknown 2:unknown 3:unknown 4:red");
}

TEST(RasterBandRoleGuess, RepeatedEvidenceKeepsRolesUnique) {
  const BandRoleMap map = guessBandRoles(bands({"Red", "Red", "NIR"}, "Float32"));
  EXPECT_EQ(map.summary(), "1:red 2:unknown 3:nir");
  EXPECT_EQ(map.guess(2).source, "red already band 1 (band description)");
}

TEST(RasterBandRoleGuess, ProductOrderFillsOnlyBandsWithoutEvidence) {
  RasterEvidence evidence = bands({"", "", "", "", "", "Thermal"});
  evidence.metadata = {{"SPACECRAFT_ID", "LANDSAT_5"}};
  // Band 6 says thermal: the TM order gives the remaining bands and swir2 stays available.
  EXPECT_EQ(guessBandRoles(evidence).summary(), "1:blue 2:green 3:red 4:nir 5:swir1 6:thermal");
}

TEST(RasterBandRoleGuess, WavelengthParserReadsRangesAndUnits) {
  const auto range = detail::wavelengthFromText("0.45-0.52 µm");
  ASSERT_TRUE(range.has_value());
  EXPECT_NEAR(range->centreUm, 0.485, 1e-9);
  EXPECT_NEAR(range->widthUm, 0.07, 1e-9);
  const auto nm = detail::wavelengthFromText("B8 (NIR, 842 nm)");
  ASSERT_TRUE(nm.has_value());
  EXPECT_NEAR(nm->centreUm, 0.842, 1e-9);
  EXPECT_FALSE(detail::wavelengthFromText("B8 10m").has_value());
  EXPECT_FALSE(detail::wavelengthFromText("umbrella 5 umbrella").has_value());
}
