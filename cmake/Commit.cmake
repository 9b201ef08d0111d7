# Commit.cmake (cmake -P, at every build): writes OUT, a header defining HDREG_COMMIT as
# the commit SRC is checked out at ("-dirty" after it when tracked files differ from it),
# or "unknown" when SRC is not the top of a git checkout (a release tarball) or git is
# missing. OUT is rewritten only when that changes, so nothing rebuilds without cause.
set(commit unknown)
find_program(GIT git)
if(GIT)
  execute_process(COMMAND ${GIT} -C ${SRC} rev-parse --show-toplevel HEAD
                  OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_QUIET
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(rc EQUAL 0)
    string(REPLACE "\n" ";" out "${out}")
    list(GET out 0 top)
    list(GET out 1 head)
    file(REAL_PATH "${SRC}" src_real)
    file(REAL_PATH "${top}" top_real)
    if(src_real STREQUAL top_real AND head MATCHES "^[0-9a-f]+$")
      set(commit ${head})
      execute_process(COMMAND ${GIT} -C ${SRC} diff --quiet HEAD -- RESULT_VARIABLE dirty
                      ERROR_QUIET)
      if(NOT dirty EQUAL 0)
        set(commit "${commit}-dirty")
      endif()
    endif()
  endif()
endif()
file(WRITE "${OUT}.tmp" "#define HDREG_COMMIT \"${commit}\"\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
file(REMOVE "${OUT}.tmp")
