# TMO_SANITIZE applies to every target of the project, so the test programs and the library agree.
if(TMO_SANITIZE)
  list(JOIN TMO_SANITIZE "," _tmo_sanitizers)
  add_compile_options(-fsanitize=${_tmo_sanitizers} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${_tmo_sanitizers})
endif()
