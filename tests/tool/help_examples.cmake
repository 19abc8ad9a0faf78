# Runs every example the tool's help gives: for each subcommand listed by `tmo --help`, the lines of
# `tmo <command> --help` that start with "Example: tmo " or "Example (exit N): tmo " are run (what follows "tmo ",
# split as a shell would) from WORK_DIR, where `examples` is the source tree's examples folder, so that the examples'
# relative paths work as they do from the source tree and nothing is written into it; then those of
# `tmo <command> <verb> --help` for each verb its help lists (`tmo ballot open`). Each must exit 0, or N when the
# line says so, and every subcommand (not every verb) must give at least one example.
# Usage: cmake -DTOOL=<tmo> -DSOURCE_DIR=<source tree> -DWORK_DIR=<scratch folder> -P help_examples.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(CREATE_LINK "${SOURCE_DIR}/examples" "${WORK_DIR}/examples" SYMBOLIC)

execute_process(COMMAND "${TOOL}" --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "tmo --help exited with ${status}")
endif()
# The subcommands: the first word of each line of the "Subcommands:" section, up to its blank line.
string(REGEX MATCH "\nSubcommands:\n([^\n]+\n)+" section "${help}")
string(REGEX MATCHALL "\n  [a-z0-9-]+" names "${section}")
if(NOT names)
  message(FATAL_ERROR "no subcommands found in tmo --help:\n${help}")
endif()

set(failures "")
set(examples 0)
# run_examples(<help text> <command...>): runs the help text's example lines, counting them in `examples` and adding
# what failed to `failures`.
function(run_examples help)
  string(REPLACE ";" " " command "${ARGN}")
  string(REGEX MATCHALL "(^|\n)Example( \\(exit [0-9]+\\))?: tmo [^\n]+" lines "${help}")
  foreach(line IN LISTS lines)
    set(expected 0)
    if(line MATCHES "^\n?Example \\(exit ([0-9]+)\\)")
      set(expected ${CMAKE_MATCH_1})
    endif()
    string(REGEX REPLACE "^\n?Example( \\(exit [0-9]+\\))?: tmo " "" arguments "${line}")
    separate_arguments(arguments UNIX_COMMAND "${arguments}")
    execute_process(COMMAND "${TOOL}" ${arguments} WORKING_DIRECTORY "${WORK_DIR}"
      OUTPUT_QUIET ERROR_VARIABLE errors RESULT_VARIABLE status)
    math(EXPR examples "${examples} + 1")
    if(NOT status EQUAL expected)
      string(APPEND failures
             "tmo ${arguments} (from tmo ${command} --help) exited with ${status}, not ${expected}:\n${errors}\n")
    endif()
  endforeach()
  set(examples ${examples} PARENT_SCOPE)
  set(failures "${failures}" PARENT_SCOPE)
endfunction()

foreach(name IN LISTS names)
  string(STRIP "${name}" command)
  execute_process(COMMAND "${TOOL}" ${command} --help OUTPUT_VARIABLE sub_help RESULT_VARIABLE status)
  if(NOT status EQUAL 0 OR NOT sub_help MATCHES "(^|\n)Example( \\(exit [0-9]+\\))?: tmo ")
    string(APPEND failures "tmo ${command} --help gives no line starting 'Example: tmo ' (exit status ${status})\n")
  endif()
  run_examples("${sub_help}" ${command})
  string(REGEX MATCH "\nSubcommands:\n([^\n]+\n)+" verb_section "${sub_help}")
  string(REGEX MATCHALL "\n  [a-z0-9-]+" verbs "${verb_section}")
  foreach(verb IN LISTS verbs)
    string(STRIP "${verb}" verb)
    execute_process(COMMAND "${TOOL}" ${command} ${verb} --help OUTPUT_VARIABLE verb_help RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
      string(APPEND failures "tmo ${command} ${verb} --help exited with ${status}\n")
    endif()
    run_examples("${verb_help}" ${command} ${verb})
  endforeach()
endforeach()
if(failures)
  message(FATAL_ERROR "${failures}")
endif()
message(STATUS "ran ${examples} examples")
