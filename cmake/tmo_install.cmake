# Install rules and package files, included by the top CMakeLists.txt when TMO_INSTALL is on.
#
# Installs the C++ library tmo (tmo::tmo) with its headers, the C library tmo_c (tmo::c) with tmo/tmo.h, a CMake
# package (find_package(tmo)), a pkg-config file for C consumers (tmo.pc: -ltmo_c), and exports the same targets
# from the build tree (tmo_DIR=<build dir>).
include(CMakePackageConfigHelpers)

set(TMO_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/tmo" CACHE STRING
  "Where tmoConfig.cmake is installed, relative to the install prefix")
mark_as_advanced(TMO_INSTALL_CMAKEDIR)

install(TARGETS tmo tmo_store tmo_c
  EXPORT tmoTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

# Headers: the C++ headers (not their .in templates), the generated version header and the C header.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  FILES_MATCHING PATTERN "*.hpp")
install(DIRECTORY "${PROJECT_BINARY_DIR}/generated/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/bindings/c/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  FILES_MATCHING PATTERN "*.h")

# The CMake package. The same tmoConfig.cmake serves the build tree, beside the tmoTargets.cmake of export().
install(EXPORT tmoTargets NAMESPACE tmo:: DESTINATION "${TMO_INSTALL_CMAKEDIR}")
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/tmoConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/tmoConfig.cmake"
  INSTALL_DESTINATION "${TMO_INSTALL_CMAKEDIR}")
# Below 1.0 a minor version may break compatibility (docs/c-api.md, "Stability").
write_basic_package_version_file("${PROJECT_BINARY_DIR}/tmoConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/tmoConfig.cmake" "${PROJECT_BINARY_DIR}/tmoConfigVersion.cmake"
  DESTINATION "${TMO_INSTALL_CMAKEDIR}")
export(EXPORT tmoTargets NAMESPACE tmo:: FILE "${PROJECT_BINARY_DIR}/tmoTargets.cmake")

# pkg-config, relocatable: paths are relative to the .pc file's own directory unless GNUInstallDirs gave absolute
# ones.
set(TMO_PC_DIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(TMO_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(TMO_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH _tmo_pc_up "/prefix/${TMO_PC_DIR}" "/prefix")
  string(REGEX REPLACE "/$" "" _tmo_pc_up "${_tmo_pc_up}")
  set(TMO_PC_PREFIX "\${pcfiledir}/${_tmo_pc_up}")
  set(TMO_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(TMO_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(TMO_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/tmo.pc.in" "${PROJECT_BINARY_DIR}/tmo.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/tmo.pc" DESTINATION "${TMO_PC_DIR}")
