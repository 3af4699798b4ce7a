# Verdicts before and after an optimisation are identical: every fixture and fuzz input's
# verdict and lint JSON, as digests, against tests/differential/verdict_digests.txt
# (scripts/verdict_digests.py). Links the library only.
add_executable(verdict_digests ${CMAKE_CURRENT_LIST_DIR}/verdict_digests.cpp)
target_link_libraries(verdict_digests PRIVATE samlkit::saml OpenSSL::Crypto)
samlkit_set_warnings(verdict_digests)
if(Python3_Interpreter_FOUND)
  add_test(NAME differential.verdicts
           COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/verdict_digests.py --check
                   $<TARGET_FILE:verdict_digests>)
endif()
