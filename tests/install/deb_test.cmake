# The deb step of run_install_test.cmake (same variables, fail() and run()).
set(deb_dir "${WORK_DIR}/deb")
file(REMOVE_RECURSE "${deb_dir}")
run("cpack -G DEB" cpack -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${deb_dir}"
    -C "${CONFIG}")
file(GLOB debs "${deb_dir}/samlkit_*.deb")
list(LENGTH debs deb_count)
if(NOT deb_count EQUAL 1)
  fail("expected one samlkit_*.deb in ${deb_dir}, found: ${debs}")
endif()
set(deb "${debs}")

# deb_field(VAR field): a control field of the package.
function(deb_field var field)
  run("dpkg-deb -f ${field}" dpkg-deb -f "${deb}" "${field}")
  string(STRIP "${run_output}" value)
  set(${var} "${value}" PARENT_SCOPE)
endfunction()
deb_field(package Package)
deb_field(version Version)
deb_field(depends Depends)
# A Debian revision of the project version.
if(NOT package STREQUAL "samlkit" OR NOT version STREQUAL "${DEB_VERSION}"
   OR NOT version MATCHES "^${VERSION}-[0-9]+$")
  fail("package is '${package}' version '${version}', expected samlkit ${DEB_VERSION} (${VERSION}-N)")
endif()
# dpkg-shlibdeps computed the runtime dependencies; each must be installable here, i.e.
# known to dpkg on this machine (the tools run below prove they are enough).
foreach(needed libxml2 libxmlsec1 libssl)
  if(NOT depends MATCHES "${needed}")
    fail("Depends lacks ${needed}: '${depends}'")
  endif()
endforeach()
string(REGEX REPLACE "\\([^)]*\\)" "" names "${depends}")
string(REGEX REPLACE "[ \t]" "" names "${names}")
string(REPLACE "," ";" names "${names}")
foreach(alternatives ${names})
  string(REPLACE "|" ";" alternatives "${alternatives}")
  set(found FALSE)
  foreach(name ${alternatives})
    execute_process(COMMAND dpkg-query -W -f=\${Status} "${name}"
                    OUTPUT_VARIABLE status ERROR_QUIET RESULT_VARIABLE code)
    if(code EQUAL 0 AND status MATCHES "install ok installed")
      set(found TRUE)
    endif()
  endforeach()
  if(NOT found)
    fail("dependency '${alternatives}' is not installed on this machine")
  endif()
endforeach()

run("dpkg-deb -c" dpkg-deb -c "${deb}")
set(listing "${run_output}")
set(expected_files usr/include/saml/verify.h usr/${LIBDIR}/pkgconfig/samlkit.pc
    usr/share/doc/samlkit/copyright usr/share/doc/samlkit/changelog.Debian.gz
    usr/share/doc/samlkit/changelog.gz usr/share/doc/samlkit/SECURITY.md
    usr/share/zsh/vendor-completions/_samlkit)
foreach(tool ${tools})
  list(APPEND expected_files usr/bin/${tool} usr/share/bash-completion/completions/${tool}
       usr/share/man/man1/${tool}.1.gz)
endforeach()
foreach(file ${expected_files})
  string(FIND "${listing}" "./${file}\n" at)
  if(at EQUAL -1)
    string(FIND "${listing}" "./${file}" at)
  endif()
  if(at EQUAL -1)
    fail("${file} is not in the package:\n${listing}")
  endif()
endforeach()

# tool_problems(VAR ROOT): what is wrong with the tools under ROOT/usr/bin (empty when they
# print the version and verify a capture). Collected, not fatal, so that a package
# installed on the system is always removed again.
function(tool_problems var root)
  set(problems "")
  foreach(tool ${tools})
    execute_process(COMMAND "${root}/usr/bin/${tool}" --version RESULT_VARIABLE code
                    OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT code EQUAL 0 OR NOT out MATCHES "^${tool} \\(samlkit\\) ${VERSION}\n")
      list(APPEND problems "${root}/usr/bin/${tool} --version: exit ${code}, '${out}${err}'")
    endif()
  endforeach()
  execute_process(COMMAND "${root}/usr/bin/saml-verify" --cert "${FIXTURES_DIR}/keys/idp-rsa.crt"
                  --now 2024-05-01T12:01:00Z "${FIXTURES_DIR}/captures/okta-aws-signed-assertion.b64"
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    list(APPEND problems "${root}/usr/bin/saml-verify on the Okta capture: exit ${code}, '${out}${err}'")
  endif()
  set(${var} "${problems}" PARENT_SCOPE)
endfunction()

run("dpkg-deb -x" dpkg-deb -x "${deb}" "${deb_dir}/root")
# The Debian changelog names the package's version (both come from project(VERSION)).
run("gzip -dc changelog.Debian.gz" gzip -dc "${deb_dir}/root/usr/share/doc/samlkit/changelog.Debian.gz")
if(NOT run_output MATCHES "^samlkit \\(${DEB_VERSION}\\) ")
  fail("changelog.Debian.gz does not start with 'samlkit (${DEB_VERSION})': ${run_output}")
endif()
tool_problems(problems "${deb_dir}/root")
if(problems)
  fail("unpacked package: ${problems}")
endif()

if(SYSTEM_INSTALL)
  run("dpkg -i" dpkg -i "${deb}")
  tool_problems(problems "")
  execute_process(COMMAND man -w saml-verify OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT out MATCHES "^/usr/share/man/man1/saml-verify\\.1\\.gz")
    list(APPEND problems "man -w saml-verify found '${out}${err}'")
  endif()
  run("dpkg -r" dpkg -r samlkit)
  if(EXISTS /usr/bin/saml-verify)
    list(APPEND problems "/usr/bin/saml-verify is still there after dpkg -r samlkit")
  endif()
  if(problems)
    fail("installed package: ${problems}")
  endif()
  message(STATUS "${deb}: installed with dpkg -i, tools and man page found, removed")
else()
  message(STATUS "${deb}: unpacked and its tools ran (SYSTEM_INSTALL off: not installed)")
endif()
