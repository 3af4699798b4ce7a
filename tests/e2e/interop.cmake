# saml-verify, saml-decode and saml-lint end to end over fixtures/interop/, --pubkey and the
# signing certificate's dates (included from CMakeLists.txt in this folder).
add_executable(interop_e2e_test ${CMAKE_CURRENT_LIST_DIR}/interop_e2e_test.cpp)
target_link_libraries(interop_e2e_test PRIVATE Boost::unit_test_framework nlohmann_json::nlohmann_json)
target_compile_definitions(interop_e2e_test PRIVATE BOOST_TEST_DYN_LINK
                           SAMLKIT_FIXTURES_DIR="${SAMLKIT_FIXTURES_DIR}"
                           SAML_VERIFY_PATH="$<TARGET_FILE:saml-verify>"
                           SAML_DECODE_PATH="$<TARGET_FILE:saml-decode>"
                           SAML_LINT_PATH="$<TARGET_FILE:saml-lint>")
add_dependencies(interop_e2e_test saml-verify saml-decode saml-lint)
samlkit_set_warnings(interop_e2e_test)
add_test(NAME e2e.interop COMMAND interop_e2e_test)
