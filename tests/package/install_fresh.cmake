# Installs the build BUILD_DIR (configuration CONFIG) into PREFIX, emptied first so that no file of an earlier run
# can hide a missing install rule.
# Usage: cmake -DBUILD_DIR=<dir> -DPREFIX=<dir> -DCONFIG=<config> -P install_fresh.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" --config "${CONFIG}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed (${result})")
endif()
