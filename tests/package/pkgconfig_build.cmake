# Builds the C consumer with nothing but `pkg-config --cflags --libs tmo` and the C compiler, as a vendor's Makefile
# would, then runs it.
# Usage: cmake -DPKG_CONFIG=<pkg-config> -DPKG_CONFIG_PATH=<dir> -DLIBRARY_DIR=<dir> -DCC=<compiler>
#              -DSANITIZE_FLAGS=<flags or ""> -DSOURCE=<main.c> -DOUTPUT=<program> -P pkgconfig_build.cmake
set(ENV{PKG_CONFIG_PATH} "${PKG_CONFIG_PATH}")
execute_process(COMMAND "${PKG_CONFIG}" --cflags --libs tmo
  OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs tmo failed (${result}) with PKG_CONFIG_PATH=${PKG_CONFIG_PATH}")
endif()
message(STATUS "pkg-config --cflags --libs tmo: ${flags}")
separate_arguments(flags UNIX_COMMAND "${flags}")
separate_arguments(sanitize UNIX_COMMAND "${SANITIZE_FLAGS}")

execute_process(COMMAND "${CC}" -std=c99 -Wall -Wextra -Wpedantic -Werror ${sanitize} "${SOURCE}" -o "${OUTPUT}"
                        ${flags}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "compiling ${SOURCE} with the flags of pkg-config failed (${result})")
endif()

# The library is not on the loader's default path: point at it as a vendor's deployment would.
set(ENV{LD_LIBRARY_PATH} "${LIBRARY_DIR}")
execute_process(COMMAND "${OUTPUT}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${OUTPUT} failed (${result})")
endif()
