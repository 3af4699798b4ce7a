# Output of the three tools end to end (included from CMakeLists.txt in this folder): the
# JSON layout validated against docs/schema with Python's jsonschema when it is found.
samlkit_tool_test(output_e2e_test ${CMAKE_CURRENT_LIST_DIR}/output_e2e_test.cpp)
target_compile_definitions(output_e2e_test PRIVATE SAMLKIT_SCHEMA_DIR="${PROJECT_SOURCE_DIR}/docs/schema")
if(SAMLKIT_JSONSCHEMA_FOUND)
  target_compile_definitions(output_e2e_test PRIVATE PYTHON3_PATH="${SAMLKIT_PYTHON3}"
                             VALIDATE_JSON="${PROJECT_SOURCE_DIR}/tests/support/validate_json.py")
endif()
add_test(NAME e2e.output COMMAND output_e2e_test)

# What only a terminal shows: colour decided by NO_COLOR and TERM, and the hint when stdin
# is a terminal (tests/e2e/terminal_e2e.py runs the tools on a pseudo-terminal).
if(SAMLKIT_PYTHON3)
  add_test(NAME e2e.terminal
           COMMAND ${SAMLKIT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/terminal_e2e.py
                   $<TARGET_FILE:saml-verify> $<TARGET_FILE:saml-decode> $<TARGET_FILE:saml-lint>
                   ${SAMLKIT_FIXTURES_DIR})
  # 77: no pseudo-terminal on this machine (a chroot without devpts); shown as not run.
  set_tests_properties(e2e.terminal PROPERTIES SKIP_RETURN_CODE 77)
endif()
