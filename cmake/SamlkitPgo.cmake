# Profile-guided optimisation (gcc), in two builds of the same directory:
#   SAMLKIT_PGO=generate  instrumented: every run writes its branch and call counts (.gcda)
#                         beside the object files;
#   SAMLKIT_PGO=use       the same directory rebuilt from those counts.
# scripts/pgo_build.sh drives both stages and the training run between them; bench/run and
# the .deb build use it. The training only shapes code layout and inlining: gcc compiles the
# same source, and the verdicts are the same (docs/performance.md has the measurements).
set(SAMLKIT_PGO "" CACHE STRING "Profile-guided build stage: empty, generate or use")
set_property(CACHE SAMLKIT_PGO PROPERTY STRINGS "" generate use)

if(SAMLKIT_PGO STREQUAL "")
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU" OR NOT CMAKE_C_COMPILER_ID STREQUAL "GNU")
  message(FATAL_ERROR "SAMLKIT_PGO needs gcc (clang's profiles take another tool chain)")
endif()
if(SAMLKIT_SANITIZE OR SAMLKIT_FUZZ)
  message(FATAL_ERROR "SAMLKIT_PGO is for release builds, not sanitizer or fuzz builds")
endif()
if(SAMLKIT_PGO STREQUAL "generate")
  # saml-lint --jobs N counts from several threads.
  add_compile_options(-fprofile-generate -fprofile-update=prefer-atomic)
  add_link_options(-fprofile-generate)
elseif(SAMLKIT_PGO STREQUAL "use")
  # Code the training never ran (error paths, rare captures) is still optimised for speed,
  # not size (-fprofile-partial-training). Targets the training does not run (examples,
  # tests) have no profile at all: that is expected, not a warning.
  add_compile_options(-fprofile-use -fprofile-partial-training -Wno-missing-profile)
else()
  message(FATAL_ERROR "SAMLKIT_PGO is '${SAMLKIT_PGO}': expected empty, generate or use")
endif()
