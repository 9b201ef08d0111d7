# Warning and sanitizer options shared by every target (after curl's PickyWarnings.cmake).
function(hdreg_apply_warnings target)
  if(HDREG_PICKY_WARNINGS)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wstrict-prototypes
      -Wmissing-prototypes -Wwrite-strings -Wvla -Wformat=2 -Wpointer-arith
      -Wcast-qual -Wundef -Wno-unused-parameter)
  endif()
  if(HDREG_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(HDREG_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${HDREG_SANITIZE}
      -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${HDREG_SANITIZE})
  endif()
endfunction()
