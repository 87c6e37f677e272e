# Builds shaders/*.glsl into a generated header, so a missing or renamed shader is a build error.
function(storyplot_embed_shaders target)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/shader_sources.hpp")
  set(script "${PROJECT_SOURCE_DIR}/cmake/embed_shaders_script.cmake")
  string(REPLACE ";" "|" joined "${ARGN}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DOUT=${out}" "-DSOURCES=${joined}" -P "${script}"
    VERBATIM
    DEPENDS ${ARGN} ${script}
    COMMENT "Embedding shaders")
  target_sources(${target} PRIVATE "${out}")
  target_include_directories(${target} PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/generated")
endfunction()
