# Runs one command of the tmo tool and checks its exit status and output:
#   cmake -DTOOL=<program> -DARGUMENTS=<arguments separated by |> -DEXIT=<n> [-DSTDOUT=<regex>] [-DSTDERR=<regex>]
#         -P expect.cmake
string(REPLACE "|" ";" arguments "${ARGUMENTS}")
execute_process(COMMAND "${TOOL}" ${arguments} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(problems "")
if(NOT status STREQUAL EXIT)
  string(APPEND problems "exit status ${status}, expected ${EXIT}\n")
endif()
if(DEFINED STDOUT AND NOT out MATCHES "${STDOUT}")
  string(APPEND problems "standard output does not match: ${STDOUT}\n")
endif()
if(DEFINED STDERR AND NOT err MATCHES "${STDERR}")
  string(APPEND problems "standard error does not match: ${STDERR}\n")
endif()
if(problems)
  message(FATAL_ERROR "${problems}--- stdout ---\n${out}\n--- stderr ---\n${err}")
endif()
