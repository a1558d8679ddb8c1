# onemap_add_module(<layer> <name> SOURCES ... [DEPS ...] [PRIVATE_DEPS ...])
#
# Creates the library target onemap_<name> from the folder <layer>/<name>/.
# Its headers are reachable only as "onemap/<name>/<header>.h" and only by targets that link it:
# the include root of each module is a folder (.include/<name>) holding a single link
# onemap/<name> -> the module's source folder. A layer therefore sees exactly the modules it
# links, and an include across the layering fails to compile.
function(onemap_add_module layer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  set(target onemap_${name})
  # The include roots live in one place for every build directory (ignored by git), so compile
  # commands are identical across build trees and ccache can share results between them.
  set(include_root "${PROJECT_SOURCE_DIR}/.include/${name}")
  file(MAKE_DIRECTORY "${include_root}/onemap")
  if(NOT EXISTS "${include_root}/onemap/${name}")
    file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}" "${include_root}/onemap/${name}" SYMBOLIC)
  endif()
  add_library(${target} STATIC ${ARG_SOURCES})
  add_library(onemap::${name} ALIAS ${target})
  target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${include_root}>")
  target_link_libraries(${target} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS} onemap_warnings)
  set_target_properties(${target} PROPERTIES FOLDER "${layer}")
endfunction()
