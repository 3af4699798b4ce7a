# One place for the warning flags every samlkit target uses.
function(samlkit_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion)
  if(SAMLKIT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
