# Third-party validators the tests run on samlkit's output: the SARIF Multitool and ajv
# (JSON Schema). `scripts/bootstrap.sh test` installs the versions pinned in package.json
# from npm into build/validators; elsewhere they are looked up on PATH.
option(SAMLKIT_REQUIRE_VALIDATORS
       "Stop configuring when a validator is missing (CI) instead of leaving its test out" OFF)
set(SAMLKIT_VALIDATORS_BIN "${PROJECT_SOURCE_DIR}/build/validators/node_modules/.bin"
    CACHE PATH "Where bootstrap.sh installs the npm validators")

# samlkit_find_validator(VAR program): VAR is the program's path, or false when it is
# missing and not required.
function(samlkit_find_validator var program)
  find_program(${var} ${program} HINTS "${SAMLKIT_VALIDATORS_BIN}")
  if(NOT ${var} AND SAMLKIT_REQUIRE_VALIDATORS)
    message(FATAL_ERROR "${program} not found: scripts/bootstrap.sh test installs it into "
                        "build/validators (or set ${var})")
  endif()
endfunction()
