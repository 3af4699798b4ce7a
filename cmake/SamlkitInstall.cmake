# Installation and packaging: the library with its public headers, a CMake package
# (find_package(samlkit) -> samlkit::saml) and a pkg-config file; the tools with their man
# pages and shell completions; and a .deb through CPack (cpack -G DEB).
# Include it at the end of the top-level CMakeLists.txt (after libsaml/, tools/ and the
# tests are added; it registers the man page, completion and installed-package tests).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(SAMLKIT_CMAKE_PACKAGE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/samlkit")
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
# the installed binaries with dpkg-shlibdeps.
set(CPACK_PACKAGE_NAME samlkit)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "samlkit maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "decode, verify and lint SAML 2.0 responses (AWS IAM federation)")
set(CPACK_PACKAGE_DESCRIPTION
    "saml-verify, saml-decode and saml-lint check the SAML Responses an identity provider \
posts to AWS, offline. Also the static library libsamlkit with its headers, CMake package \
and pkg-config file.")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Building against the static library needs the dependencies' development files.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "libxml2-dev, libxmlsec1-dev, libssl-dev, zlib1g-dev, nlohmann-json3-dev, libpcre2-dev, pkg-config")
include(CPack)
