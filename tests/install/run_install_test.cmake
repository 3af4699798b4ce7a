# One step of the installation test (cmake -P), chosen by STEP:
#   install       cmake --install the build into WORK_DIR/prefix; check the installed files,
#                 and that each installed tool runs and prints the project version
#   find_package  configure and build CONSUMER_DIR with find_package(samlkit), run it
#   pkg_config    compile CONSUMER_DIR/main.cpp with `pkg-config --cflags --libs samlkit`, run it
#   deb           cpack -G DEB; check the package's fields, files and dependencies; unpack it
#                 and run its tools; with SYSTEM_INSTALL, dpkg -i it, run the installed
#                 tools and man pages, then remove it again
set(prefix "${WORK_DIR}/prefix")
string(REPLACE "," ";" tools "${TOOLS}")
separate_arguments(extra_flags UNIX_COMMAND "${EXTRA_FLAGS}")

function(fail)
  string(JOIN "" message ${ARGN})
  message(FATAL_ERROR "install.${STEP}: ${message}")
endfunction()

# run(NAME cmd...): runs a command; fails the test with its output unless it exits 0.
function(run name)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    fail("${name} failed (${code}):\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

# expect_verdict(PROGRAM): the consumer accepts the signed capture and rejects a tampered one.
function(expect_verdict program)
  set(cert "${FIXTURES_DIR}/keys/idp-rsa.crt")
  set(now 2024-05-01T12:01:00Z)
  run("consumer on a signed capture" ${program} ${cert} ${now}
      "${FIXTURES_DIR}/captures/okta-aws-signed-assertion.b64")
  if(NOT run_output STREQUAL "samlkit ${VERSION}: accepted\n")
    fail("signed capture: expected 'samlkit ${VERSION}: accepted', got '${run_output}'")
  endif()
  execute_process(COMMAND ${program} ${cert} ${now} "${FIXTURES_DIR}/responses/tampered-role.xml"
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 1 OR NOT out STREQUAL "samlkit ${VERSION}: rejected\n")
    fail("tampered response: expected exit 1 and 'rejected', got ${code}: ${out}${err}")
  endif()
endfunction()

if(STEP STREQUAL "install")
  file(REMOVE_RECURSE "${WORK_DIR}")
  run("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}"
      --config "${CONFIG}")
  set(expected
    "${LIBDIR}/libsamlkit.a" include/saml/verify.h include/saml/version.h
    "${LIBDIR}/cmake/samlkit/samlkitConfig.cmake"
    "${LIBDIR}/cmake/samlkit/samlkitConfigVersion.cmake"
    "${LIBDIR}/cmake/samlkit/samlkitTargets.cmake" "${LIBDIR}/pkgconfig/samlkit.pc")
  if(tools)
    list(APPEND expected "${ZSH_DIR}/_samlkit")
  endif()
  foreach(tool ${tools})
    list(APPEND expected bin/${tool} share/bash-completion/completions/${tool})
    if(MAN_PAGES)
      list(APPEND expected share/man/man1/${tool}.1)
    endif()
  endforeach()
  foreach(file ${expected})
    if(NOT EXISTS "${prefix}/${file}")
      fail("${file} was not installed into ${prefix}")
    endif()
  endforeach()
  foreach(tool ${tools})
    run("${tool} --version" "${prefix}/bin/${tool}" --version)
    if(NOT run_output MATCHES "^${tool} \\(samlkit\\) ${VERSION}\nlibxml2 [0-9.]+, xmlsec1 [0-9.]+ \\(openssl\\), OpenSSL [0-9]")
      fail("installed ${tool} --version printed '${run_output}'")
    endif()
  endforeach()
  message(STATUS "installed into ${prefix}: ${expected}")
elseif(STEP STREQUAL "find_package")
  set(build "${WORK_DIR}/consumer-cmake")
  string(JOIN " " flags ${extra_flags})
  run("configuring the consumer" "${CMAKE_COMMAND}" -S "${CONSUMER_DIR}" -B "${build}"
      "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_CXX_FLAGS=${flags}"
      "-DCMAKE_BUILD_TYPE=${CONFIG}")
  run("building the consumer" "${CMAKE_COMMAND}" --build "${build}" --config "${CONFIG}")
  expect_verdict("${build}/consumer")
  message(STATUS "find_package(samlkit) consumer built and ran")
elseif(STEP STREQUAL "pkg_config")
  set(ENV{PKG_CONFIG_PATH} "${prefix}/${LIBDIR}/pkgconfig")
  run("pkg-config" pkg-config --cflags --libs samlkit)
  separate_arguments(pc_flags UNIX_COMMAND "${run_output}")
  set(program "${WORK_DIR}/consumer-pkg-config")
  run("compiling the consumer with pkg-config's flags"
      "${CXX}" -std=c++20 ${extra_flags} "${CONSUMER_DIR}/main.cpp" -o "${program}" ${pc_flags})
  expect_verdict("${program}")
  message(STATUS "pkg-config consumer built and ran: ${pc_flags}")
elseif(STEP STREQUAL "deb")
  include("${CMAKE_CURRENT_LIST_DIR}/deb_test.cmake")
else()
  fail("unknown STEP '${STEP}'")
endif()
