# Runs an example program and compares its standard output with the expected file committed beside it; any
# difference, or an exit status other than 0, fails the test and shows both.
# Usage: cmake -DPROGRAM=<exe> -DARGUMENTS=<a|b|c> -DEXPECTED=<file> -DWORKING_DIRECTORY=<dir> -P compare_output.cmake
string(REPLACE "|" ";" arguments "${ARGUMENTS}")
execute_process(COMMAND "${PROGRAM}" ${arguments} WORKING_DIRECTORY "${WORKING_DIRECTORY}"
  OUTPUT_VARIABLE actual ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${status}:\n${errors}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR
          "${PROGRAM}: the output differs from ${EXPECTED}\n--- expected\n${expected}\n--- actual\n${actual}")
endif()
