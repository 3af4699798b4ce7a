# Differential check against the xmlsec1 command-line tool (included from CMakeLists.txt
# in this folder). Links the library directly: it compares signature verdicts only.
find_program(SAMLKIT_XMLSEC1 xmlsec1 REQUIRED)
add_executable(differential_xmlsec1_test ${CMAKE_CURRENT_LIST_DIR}/differential_xmlsec1_test.cpp)
target_link_libraries(differential_xmlsec1_test PRIVATE samlkit::saml Boost::unit_test_framework)
target_compile_definitions(differential_xmlsec1_test PRIVATE BOOST_TEST_DYN_LINK
                           SAMLKIT_FIXTURES_DIR="${SAMLKIT_FIXTURES_DIR}"
                           XMLSEC1_PATH="${SAMLKIT_XMLSEC1}")
samlkit_set_warnings(differential_xmlsec1_test)
add_test(NAME e2e.differential_xmlsec1 COMMAND differential_xmlsec1_test)
