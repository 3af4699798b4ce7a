# One verdict, end to end: saml-verify, saml-lint and saml-decode on the same inputs
# (included from CMakeLists.txt in this folder).
samlkit_tool_test(verdict_e2e_test ${CMAKE_CURRENT_LIST_DIR}/verdict_e2e_test.cpp)
add_test(NAME e2e.one_verdict COMMAND verdict_e2e_test)
