# saml-lint end to end (included from CMakeLists.txt in this folder). JUnit output is
# validated with xmllint against junit.xsd; SARIF with the SARIF Multitool (see
# tests/validators/validators.cmake).
find_program(SAMLKIT_XMLLINT xmllint REQUIRED)
add_executable(lint_e2e_test ${CMAKE_CURRENT_LIST_DIR}/lint_e2e_test.cpp)
target_link_libraries(lint_e2e_test PRIVATE Boost::unit_test_framework nlohmann_json::nlohmann_json)
target_compile_definitions(lint_e2e_test PRIVATE BOOST_TEST_DYN_LINK
                           SAMLKIT_FIXTURES_DIR="${SAMLKIT_FIXTURES_DIR}"
                           SAML_LINT_PATH="$<TARGET_FILE:saml-lint>"
                           XMLLINT_PATH="${SAMLKIT_XMLLINT}"
                           JUNIT_XSD="${CMAKE_CURRENT_LIST_DIR}/junit.xsd")
if(SAMLKIT_SARIF_MULTITOOL)
  target_compile_definitions(lint_e2e_test PRIVATE SARIF_MULTITOOL_PATH="${SAMLKIT_SARIF_MULTITOOL}")
  add_test(NAME e2e.saml_lint_sarif_multitool
           COMMAND lint_e2e_test --run_test=sarif_multitool)
  # The Multitool is a .NET program: without this it needs libicu at run time.
  set_tests_properties(e2e.saml_lint_sarif_multitool PROPERTIES
                       ENVIRONMENT DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1)
endif()
add_dependencies(lint_e2e_test saml-lint)
samlkit_set_warnings(lint_e2e_test)
add_test(NAME e2e.saml_lint COMMAND lint_e2e_test --run_test=cli)

# JSON output against docs/schema/saml-lint.schema.json, with Python's jsonschema.
if(SAMLKIT_JSONSCHEMA_FOUND)
  target_compile_definitions(lint_e2e_test PRIVATE PYTHON3_PATH="${SAMLKIT_PYTHON3}"
                             VALIDATE_JSON="${PROJECT_SOURCE_DIR}/tests/support/validate_json.py"
                             LINT_JSON_SCHEMA="${PROJECT_SOURCE_DIR}/docs/schema/saml-lint.schema.json")
  add_test(NAME e2e.saml_lint_json_schema COMMAND lint_e2e_test --run_test=json_schema)
endif()

# --metadata and baseline drift end to end; the baseline JSON against its schema with
# Python's jsonschema (as the lint JSON above).
add_executable(lint_metadata_e2e_test ${CMAKE_CURRENT_LIST_DIR}/lint_metadata_e2e_test.cpp)
target_link_libraries(lint_metadata_e2e_test PRIVATE Boost::unit_test_framework nlohmann_json::nlohmann_json)
target_compile_definitions(lint_metadata_e2e_test PRIVATE BOOST_TEST_DYN_LINK
                           SAMLKIT_FIXTURES_DIR="${SAMLKIT_FIXTURES_DIR}"
                           SAML_LINT_PATH="$<TARGET_FILE:saml-lint>")
add_dependencies(lint_metadata_e2e_test saml-lint)
samlkit_set_warnings(lint_metadata_e2e_test)
add_test(NAME e2e.saml_lint_metadata COMMAND lint_metadata_e2e_test --run_test=metadata)
add_test(NAME e2e.saml_lint_baseline COMMAND lint_metadata_e2e_test --run_test=baseline)
if(SAMLKIT_SARIF_MULTITOOL)
  target_compile_definitions(lint_metadata_e2e_test PRIVATE SARIF_MULTITOOL_PATH="${SAMLKIT_SARIF_MULTITOOL}")
  add_test(NAME e2e.saml_lint_metadata_sarif_multitool COMMAND lint_metadata_e2e_test --run_test=sarif_multitool)
  set_tests_properties(e2e.saml_lint_metadata_sarif_multitool PROPERTIES
                       ENVIRONMENT DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1)
endif()
if(SAMLKIT_JSONSCHEMA_FOUND)
  target_compile_definitions(lint_metadata_e2e_test PRIVATE PYTHON3_PATH="${SAMLKIT_PYTHON3}"
                             VALIDATE_JSON="${PROJECT_SOURCE_DIR}/tests/support/validate_json.py"
                             LINT_JSON_SCHEMA="${PROJECT_SOURCE_DIR}/docs/schema/saml-lint.schema.json"
                             BASELINE_JSON_SCHEMA="${PROJECT_SOURCE_DIR}/docs/schema/saml-lint-baseline.schema.json")
  add_test(NAME e2e.saml_lint_baseline_json_schema COMMAND lint_metadata_e2e_test --run_test=json_schema)
endif()

# Streaming (tests/e2e/lint_streaming.py): peak RSS does not grow with the number of inputs,
# and the output is the same, in input order, on one thread or two. ASan's quarantine keeps
# freed memory in RSS, so the RSS test turns it off.
if(SAMLKIT_PYTHON3)
  foreach(check rss order)
    add_test(NAME e2e.saml_lint_streaming_${check}
             COMMAND ${SAMLKIT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/lint_streaming.py ${check}
                     $<TARGET_FILE:saml-lint> ${SAMLKIT_FIXTURES_DIR})
  endforeach()
  set_tests_properties(e2e.saml_lint_streaming_rss PROPERTIES ENVIRONMENT
                       "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=0:thread_local_quarantine_size_kb=0")
endif()

# saml-lint's batches of messages (tools/saml-lint/message_batch.cpp), linked on their own.
add_executable(message_batch_test ${CMAKE_CURRENT_LIST_DIR}/message_batch_test.cpp
               ${PROJECT_SOURCE_DIR}/tools/saml-lint/message_batch.cpp)
target_include_directories(message_batch_test PRIVATE ${PROJECT_SOURCE_DIR}/tools/saml-lint)
target_link_libraries(message_batch_test PRIVATE samlkit_cli Boost::unit_test_framework)
target_compile_definitions(message_batch_test PRIVATE BOOST_TEST_DYN_LINK
                           SAMLKIT_FIXTURES_DIR="${SAMLKIT_FIXTURES_DIR}")
samlkit_set_warnings(message_batch_test)
add_test(NAME e2e.message_batch COMMAND message_batch_test)
