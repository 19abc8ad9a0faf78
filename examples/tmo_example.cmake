# Included by examples/c and examples/cpp, in the tmo tree and when built on their own against an installed tmo (then
# it finds the package here).
# The tests are made on their own, and in the tree when it builds its tests.
if(PROJECT_IS_TOP_LEVEL)
  find_package(tmo 0.1 CONFIG REQUIRED)
  set(TMO_EXAMPLE_TESTS ON)
else()
  set(TMO_EXAMPLE_TESTS ${TMO_BUILD_TESTS})
endif()
if(TMO_EXAMPLE_TESTS)
  enable_testing()
endif()
set(TMO_EXAMPLE_DATA "${CMAKE_CURRENT_LIST_DIR}/data" CACHE PATH "The folder of tmo's example data")

# tmo_example(<language: c or cpp> <name> <arguments...>): builds <name>.c or <name>.cpp of the calling folder as
# example_<language>_<name> (program name <name>), linked to tmo::c or tmo::tmo, and adds (with TMO_EXAMPLE_TESTS)
# the test examples:<language>:<name>, which runs it with the arguments from the example data folder (TMO_EXAMPLE_DATA) and
# compares its standard output with expected/<name>.txt (compare_output.cmake).
function(tmo_example language name)
  set(target example_${language}_${name})
  if(language STREQUAL "c")
    add_executable(${target} ${name}.c)
    set_target_properties(${target} PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
    target_link_libraries(${target} PRIVATE tmo::c)
    if(TMO_SANITIZE AND CMAKE_C_COMPILER_ID MATCHES "Clang")
      # In the tree's sanitizer build: clang links the C++ parts of the sanitizer runtime, which the C++ library
      # inside tmo_c needs, only when it links C++ (as tests/c_api does).
      set_target_properties(${target} PROPERTIES LINKER_LANGUAGE CXX)
    endif()
  else()
    add_executable(${target} ${name}.cpp)
    set_target_properties(${target} PROPERTIES CXX_STANDARD 20 CXX_STANDARD_REQUIRED ON CXX_EXTENSIONS OFF)
    target_link_libraries(${target} PRIVATE tmo::tmo)
  endif()
  set_target_properties(${target} PROPERTIES OUTPUT_NAME ${name})
  if(COMMAND tmo_warnings)  # in the tmo tree: its warning flags (and -Werror with TMO_WERROR)
    tmo_warnings(${target})
  endif()
  if(NOT TMO_EXAMPLE_TESTS)
    return()
  endif()
  list(JOIN ARGN "|" arguments)
  add_test(NAME examples:${language}:${name}
    COMMAND "${CMAKE_COMMAND}" "-DPROGRAM=$<TARGET_FILE:${target}>" "-DARGUMENTS=${arguments}"
            "-DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/expected/${name}.txt" "-DWORKING_DIRECTORY=${TMO_EXAMPLE_DATA}"
            -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/compare_output.cmake")
  set_tests_properties(examples:${language}:${name} PROPERTIES LABELS unit TIMEOUT 60)
endfunction()

# The same three examples in each language, with their arguments (paths in the example data folder).
macro(tmo_examples language)
  tmo_example(${language} count riverside_committee_2026.blt)
  tmo_example(${language} resolution riverside_tmo.toml)
  tmo_example(${language} contract contracts/riverside_cleaning.toml 2025-04)
endmacro()
