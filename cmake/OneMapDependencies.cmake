# Finds the third-party libraries. Each is wrapped in an onemap::dep_* interface target so that
# modules name their dependencies the same way whatever the library's own CMake support.

find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

find_package(GDAL 3.6 CONFIG QUIET)
if(NOT GDAL_FOUND)
  find_package(GDAL 3.6 REQUIRED)
endif()
pkg_check_modules(GEOS REQUIRED IMPORTED_TARGET geos>=3.11)
pkg_check_modules(PROJ REQUIRED IMPORTED_TARGET proj>=9.1)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3>=3.40)
pkg_check_modules(SPATIALITE REQUIRED IMPORTED_TARGET spatialite>=5.0)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(TBB REQUIRED)
find_package(Eigen3 REQUIRED NO_MODULE)  # header-only; core/analysis (IR-MAD)

if(ONEMAP_BUILD_APP)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Svg PrintSupport Sql Concurrent LinguistTools)
  if(ONEMAP_BUILD_TESTS)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Test)
  endif()
endif()

if(ONEMAP_BUILD_TESTS)
  find_package(GTest REQUIRED)
  if(ONEMAP_BUILD_BENCHMARKS)
    find_package(benchmark REQUIRED)
  endif()
endif()
