# hdreg_embed(OUTVAR name1 file1 name2 file2 ...): turn each file into a C source that
# defines `const char hd_embed_<name>[]` (NUL-terminated) and `hd_embed_<name>_len`.
function(hdreg_embed outvar)
  set(sources "")
  set(args ${ARGN})
  list(LENGTH args n)
  math(EXPR last "${n} - 1")
  foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET args ${i} name)
    list(GET args ${j} file)
    set(out "${CMAKE_CURRENT_BINARY_DIR}/embed/embed_${name}.c")
    add_custom_command(OUTPUT "${out}"
      COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_CURRENT_SOURCE_DIR}/${file} -DOUT=${out}
              -DNAME=${name} -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedFile.cmake
      DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/${file}" "${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedFile.cmake"
      COMMENT "Embedding ${file}")
    list(APPEND sources "${out}")
  endforeach()
  set(${outvar} ${sources} PARENT_SCOPE)
endfunction()
