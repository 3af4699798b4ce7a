# saml-verify, saml-decode and saml-lint end to end over fixtures/encrypted/ (included from
# CMakeLists.txt in this folder). The JSON schema test needs Python's jsonschema.
add_executable(encrypted_e2e_test ${CMAKE_CURRENT_LIST_DIR}/encrypted_e2e_test.cpp)
target_link_libraries(encrypted_e2e_test PRIVATE Boost::unit_test_framework nlohmann_json::nlohmann_json)
target_compile_definitions(encrypted_e2e_test PRIVATE BOOST_TEST_DYN_LINK
                           SAMLKIT_FIXTURES_DIR="${SAMLKIT_FIXTURES_DIR}"
                           SAML_VERIFY_PATH="$<TARGET_FILE:saml-verify>"
                           SAML_DECODE_PATH="$<TARGET_FILE:saml-decode>"
                           SAML_LINT_PATH="$<TARGET_FILE:saml-lint>")
if(SAMLKIT_JSONSCHEMA_FOUND)
  target_compile_definitions(encrypted_e2e_test PRIVATE PYTHON3_PATH="${SAMLKIT_PYTHON3}"
                             DECODE_JSON_SCHEMA="${PROJECT_SOURCE_DIR}/docs/schema/saml-decode.schema.json"
                             LINT_JSON_SCHEMA="${PROJECT_SOURCE_DIR}/docs/schema/saml-lint.schema.json"
                             VERIFY_JSON_SCHEMA="${PROJECT_SOURCE_DIR}/docs/schema/saml-verify.schema.json"
                             VALIDATE_JSON="${PROJECT_SOURCE_DIR}/tests/support/validate_json.py")
endif()
add_dependencies(encrypted_e2e_test saml-verify saml-decode saml-lint)
samlkit_set_warnings(encrypted_e2e_test)
add_test(NAME e2e.saml_verify_encrypted COMMAND encrypted_e2e_test)
