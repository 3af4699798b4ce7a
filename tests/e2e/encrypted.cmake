# saml-verify, saml-decode and saml-lint end to end over fixtures/encrypted/ (included from
# CMakeLists.txt in this folder). The JSON schema test needs Python's jsonschema.
samlkit_tool_test(encrypted_e2e_test ${CMAKE_CURRENT_LIST_DIR}/encrypted_e2e_test.cpp)
if(SAMLKIT_JSONSCHEMA_FOUND)
  target_compile_definitions(encrypted_e2e_test PRIVATE PYTHON3_PATH="${SAMLKIT_PYTHON3}"
                             DECODE_JSON_SCHEMA="${PROJECT_SOURCE_DIR}/docs/schema/saml-decode.schema.json"
                             LINT_JSON_SCHEMA="${PROJECT_SOURCE_DIR}/docs/schema/saml-lint.schema.json"
                             VERIFY_JSON_SCHEMA="${PROJECT_SOURCE_DIR}/docs/schema/saml-verify.schema.json"
                             VALIDATE_JSON="${PROJECT_SOURCE_DIR}/tests/support/validate_json.py")
endif()
add_test(NAME e2e.saml_verify_encrypted COMMAND encrypted_e2e_test)
