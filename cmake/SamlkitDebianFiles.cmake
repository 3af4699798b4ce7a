# CPack pre-build script (CPACK_PRE_BUILD_SCRIPTS): runs on the staged files before the .deb
# is made, and only for the DEB generator. Adds what a Debian package needs and a plain
# `cmake --install` does not: usr/share/doc/samlkit/copyright (DEP-5) and
# changelog.Debian.gz (generated from CHANGELOG.md's section for this version), and
# installs CHANGELOG.md under the name Debian gives an upstream changelog, changelog.gz.
# Fails the package build when a tool's man page is missing, so a .deb never silently
# lacks one.
if(NOT CPACK_GENERATOR STREQUAL "DEB")
  return()
endif()
# The install paths were chosen when CMake configured: only a build for /usr puts the
# library and pkg-config file in lib/<multiarch>/ and the zsh completion where Debian's zsh
# looks.
if(NOT CPACK_SAMLKIT_INSTALL_PREFIX STREQUAL "/usr")
  message(FATAL_ERROR "the .deb needs a build configured with -DCMAKE_INSTALL_PREFIX=/usr "
          "(this one is for ${CPACK_SAMLKIT_INSTALL_PREFIX}); scripts/bootstrap.sh deb does that")
endif()
set(root "${CPACK_TEMPORARY_DIRECTORY}")
set(doc_dir "${root}/usr/share/doc/${CPACK_PACKAGE_NAME}")

foreach(tool ${CPACK_SAMLKIT_TOOLS})
  if(NOT EXISTS "${root}/usr/share/man/man1/${tool}.1.gz")
    message(FATAL_ERROR "the .deb would lack the man page of ${tool} (usr/share/man/man1/${tool}.1.gz): "
            "configure with help2man installed and SAMLKIT_MAN_PAGES=ON")
  endif()
endforeach()

# CPACK_STRIP_FILES strips the programs; the static library loses its debug sections here,
# as Debian's own packaging does (a -g build made it 100 times larger).
file(GLOB_RECURSE archives "${root}/usr/lib/*.a")
foreach(archive ${archives})
  execute_process(COMMAND "${CPACK_SAMLKIT_STRIP}" --strip-debug --enable-deterministic-archives
                          "${archive}" RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${CPACK_SAMLKIT_STRIP} --strip-debug ${archive} failed")
  endif()
endforeach()

# write_doc(NAME CONTENT): a 0644 file in the package's doc directory.
function(write_doc name content)
  file(MAKE_DIRECTORY "${doc_dir}")
  file(WRITE "${doc_dir}/${name}" "${content}")
  file(CHMOD "${doc_dir}/${name}" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
endfunction()

# copyright: the DEP-5 template with the maintainer and the project's home filled in.
set(SAMLKIT_PACKAGE_MAINTAINER "${CPACK_DEBIAN_PACKAGE_MAINTAINER}")
set(PROJECT_HOMEPAGE_URL "${CPACK_DEBIAN_PACKAGE_HOMEPAGE}")
file(READ "${CPACK_SAMLKIT_SOURCE_DIR}/cmake/debian/copyright" template)
string(CONFIGURE "${template}" copyright @ONLY)
write_doc(copyright "${copyright}")

# changelog.Debian: one entry for this version, dated as its CHANGELOG.md section
# ("## [X.Y.Z] - YYYY-MM-DD"); the upstream changes are in CHANGELOG.md beside it.
set(version "${CPACK_DEBIAN_PACKAGE_VERSION}")
set(package_version "${version}-${CPACK_DEBIAN_PACKAGE_RELEASE}")
file(STRINGS "${CPACK_SAMLKIT_SOURCE_DIR}/CHANGELOG.md" headings REGEX "^## \\[")
set(date "")
foreach(heading ${headings})
  if(heading MATCHES "^## \\[([^]]+)\\] - ([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])$"
     AND CMAKE_MATCH_1 STREQUAL version)
    set(date "${CMAKE_MATCH_2}")
  endif()
endforeach()
if(NOT date)
  message(FATAL_ERROR "CHANGELOG.md has no section '## [${version}] - YYYY-MM-DD' for the packaged version")
endif()
execute_process(COMMAND date -u -R -d "${date} 12:00:00" OUTPUT_VARIABLE rfc2822
                OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "date could not read the CHANGELOG.md date '${date}'")
endif()
string(CONCAT entry
  "${CPACK_PACKAGE_NAME} (${package_version}) unstable; urgency=medium\n\n"
  "  * samlkit ${version}, built from the upstream sources with CPack; what it\n"
  "    changed is in /usr/share/doc/${CPACK_PACKAGE_NAME}/changelog.gz.\n\n"
  " -- ${CPACK_DEBIAN_PACKAGE_MAINTAINER}  ${rfc2822}\n")
write_doc(changelog.Debian "${entry}")
file(RENAME "${doc_dir}/CHANGELOG.md" "${doc_dir}/changelog")
foreach(name changelog.Debian changelog)
  execute_process(COMMAND gzip -9nf "${doc_dir}/${name}" RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "gzip -9n of ${name} failed")
  endif()
endforeach()
