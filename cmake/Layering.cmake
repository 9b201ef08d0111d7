# One static library per stage folder of src/, linked the way docs/architecture.md draws
# the data flow, so that an include against it fails the build.
#
#   hdreg_stage(NAME SOURCES file... [PUBLIC stage...] [PRIVATE stage...])
#
# makes hdreg_NAME from the sources. Each stage's headers are reachable only through its
# own include root, ${CMAKE_BINARY_DIR}/stage-include/NAME, which holds one link, NAME ->
# src/NAME: a source that writes #include "procedure/run.h" compiles only if its stage
# links hdreg_procedure. PUBLIC names the stages whose headers the stage's own headers
# include (a user of the stage needs them too); PRIVATE those only its sources include.
# Every source is compiled with src/util/prelude.h included first, which ends with
# util/banned.h. The allowed dependencies are written to stage-deps.txt for the test
# tests/unit/layering.sh, which names a source that includes a stage it may not.
set(HDREG_STAGE_DEPS_FILE ${CMAKE_BINARY_DIR}/stage-deps.txt)
file(WRITE ${HDREG_STAGE_DEPS_FILE} "")

function(hdreg_stage_flags target)
  target_compile_options(${target} PRIVATE -include ${PROJECT_SOURCE_DIR}/src/util/prelude.h)
  hdreg_apply_warnings(${target})
endfunction()

# hdreg_stage_root(TARGET NAME): TARGET sees the headers of folder src/NAME.
function(hdreg_stage_root target name)
  set(root ${CMAKE_BINARY_DIR}/stage-include/${name})
  file(MAKE_DIRECTORY ${root})
  if(NOT EXISTS ${root}/${name})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${name} ${root}/${name} SYMBOLIC)
  endif()
  target_include_directories(${target} PUBLIC ${root})
endfunction()

function(hdreg_stage name)
  cmake_parse_arguments(S "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  add_library(hdreg_${name} STATIC ${S_SOURCES})
  hdreg_stage_root(hdreg_${name} ${name})
  foreach(dep IN LISTS S_PUBLIC)
    target_link_libraries(hdreg_${name} PUBLIC hdreg_${dep})
  endforeach()
  foreach(dep IN LISTS S_PRIVATE)
    target_link_libraries(hdreg_${name} PRIVATE hdreg_${dep})
  endforeach()
  hdreg_stage_flags(hdreg_${name})
  set(all ${S_PUBLIC} ${S_PRIVATE})
  list(JOIN all " " deps)
  file(APPEND ${HDREG_STAGE_DEPS_FILE} "${name}: ${deps}\n")
endfunction()
