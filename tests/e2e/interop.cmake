# saml-verify, saml-decode and saml-lint end to end over fixtures/interop/, --pubkey and the
# signing certificate's dates (included from CMakeLists.txt in this folder).
samlkit_tool_test(interop_e2e_test ${CMAKE_CURRENT_LIST_DIR}/interop_e2e_test.cpp)
add_test(NAME e2e.interop COMMAND interop_e2e_test)
