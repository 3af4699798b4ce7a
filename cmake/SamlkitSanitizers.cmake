# All sanitizer switches live here. SAMLKIT_SANITIZE applies ASan + UBSan to every target
# (library, tools, tests) so the whole test suite runs instrumented.
if(SAMLKIT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
