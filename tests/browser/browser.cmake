# The HTML reports in headless Chromium (report_pages.mjs): every fixture's pages, one
# browser session, one test. The pages and two screenshots stay in <build>/browser-pages.
if(SAMLKIT_BROWSER_FOUND)
  add_test(NAME browser.html_reports
           COMMAND ${SAMLKIT_NODE} ${CMAKE_CURRENT_LIST_DIR}/report_pages.mjs
                   --tools $<TARGET_FILE_DIR:saml-verify>
                   --fixtures ${SAMLKIT_FIXTURES_DIR}
                   --out ${PROJECT_BINARY_DIR}/browser-pages
                   --node-modules ${SAMLKIT_NODE_MODULES}
                   --chromium ${SAMLKIT_CHROMIUM})
  set_tests_properties(browser.html_reports PROPERTIES TIMEOUT 600)
endif()
