# tmo_unpack_test_data(<archive> <directory>): unpacks a compressed corpus from tests/data into the build tree when
# configuring (again whenever the archive changes), so the repository stays small. Used by tests/ and bench/.
function(tmo_unpack_test_data archive directory)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${archive}")
  if(NOT EXISTS "${directory}/.stamp" OR "${archive}" IS_NEWER_THAN "${directory}/.stamp")
    file(REMOVE_RECURSE "${directory}")
    file(ARCHIVE_EXTRACT INPUT "${archive}" DESTINATION "${directory}")
    file(TOUCH "${directory}/.stamp")
  endif()
endfunction()
