# saml-decode end to end (included from CMakeLists.txt in this folder).
add_executable(decode_e2e_test ${CMAKE_CURRENT_LIST_DIR}/decode_e2e_test.cpp)
target_link_libraries(decode_e2e_test PRIVATE Boost::unit_test_framework nlohmann_json::nlohmann_json)
target_compile_definitions(decode_e2e_test PRIVATE BOOST_TEST_DYN_LINK
                           SAMLKIT_FIXTURES_DIR="${SAMLKIT_FIXTURES_DIR}"
                           SAML_DECODE_PATH="$<TARGET_FILE:saml-decode>")
add_dependencies(decode_e2e_test saml-decode)
samlkit_set_warnings(decode_e2e_test)
add_test(NAME e2e.saml_decode COMMAND decode_e2e_test)

# The --json output against docs/schema/saml-decode.schema.json, checked by Python's
# jsonschema (found by lint.cmake, included before this file).
if(SAMLKIT_JSONSCHEMA_FOUND)
  add_executable(decode_schema_test ${CMAKE_CURRENT_LIST_DIR}/decode_schema_test.cpp)
  target_link_libraries(decode_schema_test PRIVATE Boost::unit_test_framework)
  target_compile_definitions(decode_schema_test PRIVATE BOOST_TEST_DYN_LINK
                             SAMLKIT_FIXTURES_DIR="${SAMLKIT_FIXTURES_DIR}"
                             SAMLKIT_DECODE_SCHEMA="${PROJECT_SOURCE_DIR}/docs/schema/saml-decode.schema.json"
                             SAML_DECODE_PATH="$<TARGET_FILE:saml-decode>"
                             PYTHON3_PATH="${SAMLKIT_PYTHON3}"
                             VALIDATE_JSON="${PROJECT_SOURCE_DIR}/tests/support/validate_json.py")
  add_dependencies(decode_schema_test saml-decode)
  samlkit_set_warnings(decode_schema_test)
  add_test(NAME e2e.saml_decode_schema COMMAND decode_schema_test)
endif()
