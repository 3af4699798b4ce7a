# cmake -DCOMMAND=... -DARGS=a,b -DEXIT_CODE=N -DREGEX=... -P expect_output.cmake
# Runs COMMAND with ARGS and fails unless it exits with EXIT_CODE and stdout matches REGEX.
string(REPLACE "," ";" args "${ARGS}")
execute_process(COMMAND "${COMMAND}" ${args}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code STREQUAL EXIT_CODE OR NOT out MATCHES "${REGEX}")
  message(FATAL_ERROR "${COMMAND} ${args}\nexpected exit ${EXIT_CODE} and output matching "
                      "'${REGEX}'\ngot exit ${code}, output:\n${out}${err}")
endif()
message(STATUS "exit ${code}, output:\n${out}")
