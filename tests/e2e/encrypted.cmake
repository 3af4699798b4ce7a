# saml-verify end to end over fixtures/encrypted/ (included from CMakeLists.txt in this folder).
add_executable(encrypted_e2e_test ${CMAKE_CURRENT_LIST_DIR}/encrypted_e2e_test.cpp)
target_link_libraries(encrypted_e2e_test PRIVATE Boost::unit_test_framework nlohmann_json::nlohmann_json)
target_compile_definitions(encrypted_e2e_test PRIVATE BOOST_TEST_DYN_LINK
                           SAMLKIT_FIXTURES_DIR="${SAMLKIT_FIXTURES_DIR}"
                           SAML_VERIFY_PATH="$<TARGET_FILE:saml-verify>")
add_dependencies(encrypted_e2e_test saml-verify)
samlkit_set_warnings(encrypted_e2e_test)
add_test(NAME e2e.saml_verify_encrypted COMMAND encrypted_e2e_test)
