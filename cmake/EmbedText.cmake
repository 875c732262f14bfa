# embed_text_file(NAME SOURCE OUTPUT): compiles the text file SOURCE (relative to the project
# root) into OUTPUT as `const char* const findings::NAME`, so programs need no data path at
# run time. CMake re-runs when the file changes.
function(embed_text_file name source output)
  set(EMBEDDED_NAME ${name})
  set(EMBEDDED_SOURCE ${source})
  file(READ ${PROJECT_SOURCE_DIR}/${source} EMBEDDED_TEXT)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/embedded_text.cpp.in ${output} @ONLY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/${source})
endfunction()
