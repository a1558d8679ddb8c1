# Build options, language level and warnings shared by every OneMap target.

option(ONEMAP_BUILD_APP "Build the Qt application layers (render, gui, shell, cli)" ON)
option(ONEMAP_BUILD_TESTS "Build the test suite" ON)
option(ONEMAP_BUILD_BENCHMARKS "Build the Google Benchmark programs under tests/benchmarks" ON)
option(ONEMAP_WARNINGS_AS_ERRORS "Treat compiler warnings as errors (on in CI)" OFF)
option(ONEMAP_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

# GCC 12 ships std::expected in C++23 mode and Qt 6.4's headers build cleanly with it.
set(CMAKE_CXX_STANDARD 23)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

find_program(ONEMAP_CCACHE ccache)
if(ONEMAP_CCACHE)
  set(CMAKE_C_COMPILER_LAUNCHER "${ONEMAP_CCACHE}")
  set(CMAKE_CXX_COMPILER_LAUNCHER "${ONEMAP_CCACHE}")
endif()

add_library(onemap_warnings INTERFACE)
target_compile_options(onemap_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wimplicit-fallthrough -Wno-missing-field-initializers)
if(ONEMAP_WARNINGS_AS_ERRORS)
  target_compile_options(onemap_warnings INTERFACE -Werror)
endif()
if(ONEMAP_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
