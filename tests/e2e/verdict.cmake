# One verdict, end to end: saml-verify, saml-lint and saml-decode on the same inputs
# (included from CMakeLists.txt in this folder).
add_executable(verdict_e2e_test ${CMAKE_CURRENT_LIST_DIR}/verdict_e2e_test.cpp)
target_link_libraries(verdict_e2e_test PRIVATE Boost::unit_test_framework nlohmann_json::nlohmann_json)
target_compile_definitions(verdict_e2e_test PRIVATE BOOST_TEST_DYN_LINK
                           SAMLKIT_FIXTURES_DIR="${SAMLKIT_FIXTURES_DIR}"
                           SAML_VERIFY_PATH="$<TARGET_FILE:saml-verify>"
                           SAML_LINT_PATH="$<TARGET_FILE:saml-lint>"
                           SAML_DECODE_PATH="$<TARGET_FILE:saml-decode>")
add_dependencies(verdict_e2e_test saml-verify saml-lint saml-decode)
samlkit_set_warnings(verdict_e2e_test)
add_test(NAME e2e.one_verdict COMMAND verdict_e2e_test)
