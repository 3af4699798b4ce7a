# Installation and packaging: the library with its public headers, a CMake package
# (find_package(samlkit) -> samlkit::saml) and a pkg-config file; the tools with their man
# pages and shell completions; and a .deb through CPack (cpack -G DEB).
# Include it at the end of the top-level CMakeLists.txt (after libsaml/, tools/ and the
# tests are added; it registers the man page, completion and installed-package tests).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(SAMLKIT_CMAKE_PACKAGE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/samlkit")
# The .deb is Debian revision 1 of the project version (a package built from upstream's
# sources, so its changelog is changelog.Debian.gz beside upstream's CHANGELOG.md).
set(SAMLKIT_DEB_VERSION "${PROJECT_VERSION}-1")
set(SAMLKIT_INSTALL_TEMPLATES "${CMAKE_CURRENT_LIST_DIR}")

# The library: static archive, headers, exported target samlkit::saml.
install(TARGETS saml EXPORT samlkitTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/libsaml/include/saml"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" FILES_MATCHING PATTERN "*.h")
install(EXPORT samlkitTargets NAMESPACE samlkit:: DESTINATION "${SAMLKIT_CMAKE_PACKAGE_DIR}")
configure_package_config_file("${SAMLKIT_INSTALL_TEMPLATES}/samlkitConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/samlkitConfig.cmake" INSTALL_DESTINATION "${SAMLKIT_CMAKE_PACKAGE_DIR}")
# 0.x: a minor release may change the API, so only the same minor version is compatible.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/samlkitConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/samlkitConfig.cmake"
              "${PROJECT_BINARY_DIR}/samlkitConfigVersion.cmake"
  DESTINATION "${SAMLKIT_CMAKE_PACKAGE_DIR}")

# pkg-config: the prefix is found relative to the .pc file, so `cmake --install --prefix`
# anywhere gives a working file.
set(SAMLKIT_PKGCONFIG_DIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
file(RELATIVE_PATH SAMLKIT_PC_TO_PREFIX "/prefix/${SAMLKIT_PKGCONFIG_DIR}" "/prefix")
configure_file("${SAMLKIT_INSTALL_TEMPLATES}/samlkit.pc.in" "${PROJECT_BINARY_DIR}/samlkit.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/samlkit.pc" DESTINATION "${SAMLKIT_PKGCONFIG_DIR}")

# README, licence, security policy and changelog (share/doc/samlkit).
install(FILES README.md LICENSE SECURITY.md CHANGELOG.md
  DESTINATION "${CMAKE_INSTALL_DOCDIR}")

# The tools, their man pages and completions.
if(SAMLKIT_BUILD_TOOLS)
  install(TARGETS ${SAMLKIT_TOOL_TARGETS} RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
  add_subdirectory("${PROJECT_SOURCE_DIR}/man" "${PROJECT_BINARY_DIR}/man")
  add_subdirectory("${PROJECT_SOURCE_DIR}/completions" "${PROJECT_BINARY_DIR}/completions")
endif()

# The installed package works for a consumer (find_package and pkg-config).
if(SAMLKIT_BUILD_TESTS)
  add_subdirectory("${PROJECT_SOURCE_DIR}/tests/install" "${PROJECT_BINARY_DIR}/tests/install")
endif()

# cpack -G DEB: one package with everything above; runtime dependencies are computed from
# the installed binaries with dpkg-shlibdeps. cmake/SamlkitDebianFiles.cmake adds the
# Debian copyright and changelog to the staged files and refuses a package without man
# pages; `lintian` finds no error in the result (install.lintian; docs/install.md lists
# the warnings left and why).
set(SAMLKIT_PACKAGE_MAINTAINER "samlkit maintainers <samlkit@users.noreply.github.com>"
    CACHE STRING "The .deb's Maintainer: 'Name <address>'")
set(CPACK_PACKAGE_NAME samlkit)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${SAMLKIT_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SAMLKIT_PACKAGE_MAINTAINER}")
string(REGEX MATCH "[^-]+$" CPACK_DEBIAN_PACKAGE_RELEASE "${SAMLKIT_DEB_VERSION}")
set(CPACK_DEBIAN_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Lines of at most 80 characters, as Debian's control files want them.
# CPack puts the summary first.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "saml-verify, saml-decode and saml-lint check the SAML Responses an identity
provider posts to AWS, offline. Also the static library libsamlkit with its
headers, CMake package and pkg-config file.")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Building against the static library needs the dependencies' development files.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "libxml2-dev, libxmlsec1-dev, libssl-dev, zlib1g-dev, nlohmann-json3-dev, libpcre2-dev, pkg-config")
set(CPACK_PRE_BUILD_SCRIPTS "${SAMLKIT_INSTALL_TEMPLATES}/SamlkitDebianFiles.cmake")
set(CPACK_SAMLKIT_SOURCE_DIR "${PROJECT_SOURCE_DIR}")
set(CPACK_SAMLKIT_TOOLS ${SAMLKIT_TOOL_TARGETS})
set(CPACK_SAMLKIT_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_SAMLKIT_STRIP "${CMAKE_STRIP}")
include(CPack)
