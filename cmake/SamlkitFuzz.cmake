# Fuzz build switches (used by fuzz/CMakeLists.txt). With SAMLKIT_FUZZ the harnesses are
# libFuzzer binaries and the library is instrumented for coverage; without it they link
# fuzz/replay_main.cpp and only replay their corpora.
set(SAMLKIT_FUZZ_ENGINE "-fsanitize=fuzzer" CACHE STRING
    "Link flags of the fuzzing engine (OSS-Fuzz passes \$LIB_FUZZING_ENGINE)")
option(SAMLKIT_FUZZ_SANITIZE
       "With SAMLKIT_FUZZ, add -fsanitize=address,undefined (off when CFLAGS already carry sanitizers, as on OSS-Fuzz)"
       ON)

if(SAMLKIT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SAMLKIT_FUZZ needs clang (libFuzzer); configure with -DCMAKE_CXX_COMPILER=clang++ "
                        "-DCMAKE_C_COMPILER=clang")
  endif()
  if(SAMLKIT_FUZZ_SANITIZE)
    set(SAMLKIT_FUZZ_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
                                     -fno-omit-frame-pointer)
  endif()
  # Coverage instrumentation for the library; whatever links it gets the sanitizer runtimes.
  target_compile_options(saml PRIVATE -fsanitize=fuzzer-no-link ${SAMLKIT_FUZZ_SANITIZER_FLAGS})
  target_link_options(saml INTERFACE ${SAMLKIT_FUZZ_SANITIZER_FLAGS})
endif()

# samlkit_fuzz_target(NAME SOURCES...): one harness, as a libFuzzer binary or a replay binary.
function(samlkit_fuzz_target name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE samlkit_fuzz_support)
  samlkit_set_warnings(${name})
  if(SAMLKIT_FUZZ)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer-no-link ${SAMLKIT_FUZZ_SANITIZER_FLAGS})
    separate_arguments(engine_flags UNIX_COMMAND "${SAMLKIT_FUZZ_ENGINE}")
    target_link_options(${name} PRIVATE ${engine_flags} ${SAMLKIT_FUZZ_SANITIZER_FLAGS})
  else()
    target_sources(${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/replay_main.cpp)
  endif()
endfunction()
