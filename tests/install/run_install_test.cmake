# One step of the installation test (cmake -P), chosen by STEP:
#   install       cmake --install the build into WORK_DIR/prefix; check the installed files,
#                 and that each installed tool runs and prints the project version
#   find_package  configure and build CONSUMER_DIR with find_package(samlkit), run it
#   pkg_config    compile CONSUMER_DIR/main.cpp with `pkg-config --cflags --libs samlkit`, run it
#   headers       every public header compiles alone, with the CMake package (HEADERS_DIR
#                 project) and with `pkg-config --cflags samlkit`; all of them are installed
#   versions      the tools, the pkg-config file and the CMake package report VERSION (the
#                 deb step checks the .deb's); the tools show GIT_DESCRIBE when it is set
#   lintian       lintian on the .deb the deb step made: no error, and every warning is one
#                 docs/install.md lists with its reason (LINTIAN_DOC)
#   deb           cpack -G DEB; check the package's fields, files and dependencies; unpack it
#                 and run its tools; with SYSTEM_INSTALL, dpkg -i it, run the installed
#                 tools and man pages, then remove it again
cmake_minimum_required(VERSION 3.20)  # policies: IN_LIST
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
    "${LIBDIR}/cmake/samlkit/samlkitTargets.cmake" "${LIBDIR}/pkgconfig/samlkit.pc"
    share/doc/samlkit/LICENSE share/doc/samlkit/SECURITY.md share/doc/samlkit/CHANGELOG.md
    share/doc/samlkit/README.md)
  if(tools)
    list(APPEND expected "${ZSH_DIR}/_samlkit")
  endif()
  foreach(tool ${tools})
    list(APPEND expected bin/${tool} share/bash-completion/completions/${tool})
    if(MAN_PAGES)
      list(APPEND expected share/man/man1/${tool}.1.gz)
    endif()
  endforeach()
  foreach(file ${expected})
    if(NOT EXISTS "${prefix}/${file}")
      fail("${file} was not installed into ${prefix}")
    endif()
  endforeach()
  foreach(tool ${tools})
    run("${tool} --version" "${prefix}/bin/${tool}" --version)
    if(NOT run_output MATCHES "^${tool} \\(samlkit\\) ${VERSION}\n(built from git [^\n]+\n)?libxml2 [0-9.]+, xmlsec1 [0-9.]+ \\(openssl\\), OpenSSL [0-9]")
      fail("installed ${tool} --version printed '${run_output}'")
    endif()
  endforeach()
  # The exported target carries C++20 and has no empty $<LINK_ONLY:> in its link interface.
  file(READ "${prefix}/${LIBDIR}/cmake/samlkit/samlkitTargets.cmake" targets)
  if(targets MATCHES "LINK_ONLY:>")
    fail("samlkitTargets.cmake has an empty $<LINK_ONLY:> entry")
  endif()
  if(NOT targets MATCHES "INTERFACE_COMPILE_FEATURES \"cxx_std_20\"")
    fail("samlkit::saml does not carry cxx_std_20 (INTERFACE_COMPILE_FEATURES)")
  endif()
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
elseif(STEP STREQUAL "headers")
  file(GLOB source_headers RELATIVE "${SOURCE_INCLUDE_DIR}" "${SOURCE_INCLUDE_DIR}/saml/*.h")
  foreach(header ${source_headers})
    if(NOT EXISTS "${prefix}/include/${header}")
      fail("public header ${header} was not installed")
    endif()
  endforeach()
  set(build "${WORK_DIR}/headers-cmake")
  string(JOIN " " flags ${extra_flags})
  run("configuring the header check" "${CMAKE_COMMAND}" -S "${HEADERS_DIR}" -B "${build}"
      "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_CXX_FLAGS=${flags}")
  run("compiling each header alone with the CMake package" "${CMAKE_COMMAND}" --build "${build}")
  set(ENV{PKG_CONFIG_PATH} "${prefix}/${LIBDIR}/pkgconfig")
  run("pkg-config" pkg-config --cflags samlkit)
  separate_arguments(pc_flags UNIX_COMMAND "${run_output}")
  foreach(header ${source_headers})
    file(WRITE "${WORK_DIR}/one_header.cpp" "#include <${header}>\n")
    run("compiling <${header}> alone with pkg-config's flags"
        "${CXX}" -std=c++20 -fsyntax-only ${pc_flags} "${WORK_DIR}/one_header.cpp")
  endforeach()
  list(LENGTH source_headers count)
  message(STATUS "${count} public headers each compile alone (CMake package and pkg-config)")
elseif(STEP STREQUAL "versions")
  set(ENV{PKG_CONFIG_PATH} "${prefix}/${LIBDIR}/pkgconfig")
  run("pkg-config --modversion" pkg-config --modversion samlkit)
  string(STRIP "${run_output}" seen_pc)
  # What find_package(samlkit) reads: the version file's PACKAGE_VERSION.
  set(PACKAGE_FIND_VERSION "${VERSION}")
  include("${prefix}/${LIBDIR}/cmake/samlkit/samlkitConfigVersion.cmake")
  set(seen "tools:")
  foreach(tool ${tools})
    run("${tool} --version" "${prefix}/bin/${tool}" --version)
    if(NOT run_output MATCHES "^${tool} \\(samlkit\\) ([^\n]+)\n")
      fail("${tool} --version printed '${run_output}'")
    endif()
    string(APPEND seen " ${CMAKE_MATCH_1}")
    if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
      fail("${tool} --version says ${CMAKE_MATCH_1}, the project is ${VERSION}")
    endif()
    # Built from git: the describe taken at configure time is the second line; else none.
    string(FIND "${run_output}" "\nbuilt from git " git_line)
    if(GIT_DESCRIBE AND NOT run_output MATCHES "^[^\n]+\nbuilt from git ${GIT_DESCRIBE}\n")
      fail("${tool} --version does not show 'built from git ${GIT_DESCRIBE}': '${run_output}'")
    elseif(NOT GIT_DESCRIBE AND NOT git_line EQUAL -1)
      fail("${tool} --version shows a git description, but the build is not from git: '${run_output}'")
    endif()
  endforeach()
  if(NOT seen_pc STREQUAL VERSION OR NOT PACKAGE_VERSION STREQUAL VERSION
     OR NOT PACKAGE_VERSION_EXACT)
    fail("versions disagree: project ${VERSION}, pkg-config ${seen_pc}, CMake package ${PACKAGE_VERSION}")
  endif()
  message(STATUS "project ${VERSION} = pkg-config ${seen_pc} = CMake package ${PACKAGE_VERSION}; ${seen}")
elseif(STEP STREQUAL "lintian")
  file(GLOB debs "${WORK_DIR}/deb/samlkit_*.deb")
  if(NOT debs)
    fail("no .deb in ${WORK_DIR}/deb (install.deb makes it)")
  endif()
  # The accepted warnings: the tags in the table rows "| `tag` | why |" of LINTIAN_DOC.
  file(STRINGS "${LINTIAN_DOC}" rows REGEX "^\\| `[a-z0-9.+-]+` \\|")
  set(accepted "")
  foreach(row ${rows})
    string(REGEX MATCH "^\\| `([a-z0-9.+-]+)`" _ "${row}")
    list(APPEND accepted "${CMAKE_MATCH_1}")
  endforeach()
  # lintian's exit code follows --fail-on; the tags are judged here from its output.
  execute_process(COMMAND lintian --fail-on none --tag-display-limit 0 ${debs}
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    fail("lintian could not run (${code}):\n${out}\n${err}")
  endif()
  string(REGEX MATCHALL "(^|\n)[EW]: samlkit[^:]*: [a-z0-9.+-]+" hits "${out}")
  set(problems "")
  foreach(hit ${hits})
    string(REGEX MATCH "([EW]): samlkit[^:]*: ([a-z0-9.+-]+)" _ "${hit}")
    if(CMAKE_MATCH_1 STREQUAL "E")
      list(APPEND problems "error ${CMAKE_MATCH_2}")
    elseif(NOT CMAKE_MATCH_2 IN_LIST accepted)
      list(APPEND problems "warning ${CMAKE_MATCH_2} (not listed in ${LINTIAN_DOC})")
    endif()
  endforeach()
  if(problems)
    fail("lintian: ${problems}\n${out}${err}")
  endif()
  message(STATUS "lintian: no error; warnings all listed in ${LINTIAN_DOC}:\n${out}")
elseif(STEP STREQUAL "deb")
  include("${CMAKE_CURRENT_LIST_DIR}/deb_test.cmake")
else()
  fail("unknown STEP '${STEP}'")
endif()
