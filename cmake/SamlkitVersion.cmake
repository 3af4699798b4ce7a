# The version: project(VERSION) is the one source for the library, the tools, the CMake
# package, the pkg-config file and the .deb. Built from a git checkout, the tools also
# show `git describe` of the sources (taken at configure time; a new commit or checkout
# re-runs the configuration). Writes ${SAMLKIT_GENERATED_DIR}/samlkit_build_info.h.
set(SAMLKIT_GENERATED_DIR "${PROJECT_BINARY_DIR}/generated")
set(SAMLKIT_GIT_DESCRIBE "")
find_package(Git QUIET)
if(GIT_FOUND)
  execute_process(COMMAND "${GIT_EXECUTABLE}" describe --tags --always --dirty
                  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                  RESULT_VARIABLE not_git OUTPUT_VARIABLE describe ERROR_QUIET
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  # Only when the sources are the top of their own checkout, not a tarball unpacked
  # inside some other repository.
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --show-toplevel
                  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                  OUTPUT_VARIABLE toplevel ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(not_git EQUAL 0 AND toplevel AND toplevel STREQUAL "${PROJECT_SOURCE_DIR}")
    set(SAMLKIT_GIT_DESCRIBE "${describe}")
    # HEAD's reflog changes on every commit, checkout and reset.
    execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --path-format=absolute --git-path logs/HEAD
                    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                    OUTPUT_VARIABLE reflog ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(reflog AND EXISTS "${reflog}")
      set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${reflog}")
    endif()
  endif()
endif()
# configure_file rewrites the header only when it changes: one file recompiles.
configure_file("${CMAKE_CURRENT_LIST_DIR}/samlkit_build_info.h.in"
               "${SAMLKIT_GENERATED_DIR}/samlkit_build_info.h" @ONLY)
