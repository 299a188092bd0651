# `cmake --install`: the golden executable, libgolden_alloc.so, every library as a static
# archive with its public headers, and the CMake package (goldenConfig.cmake, version
# file, exported targets golden::model, golden::io, ... and golden::golden, plus
# goldenTesting.cmake for golden_add_test). Included last by the top-level CMakeLists.txt:
# install(TARGETS) works for targets defined in any directory.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(GOLDEN_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/golden)

# Library target -> the folder whose include/ holds its public headers.
set(golden_installed_libraries
  golden_model core/model
  golden_syscalls core/syscalls
  golden_decode core/decode
  golden_io core/io
  golden_source core/source
  golden_recorder core/recorder
  golden_text core/text
  golden_graph core/graph
  golden_equivalence equivalence
  golden_assertions assertions
  golden_verify assertions/verify
  golden_testing assertions/testing)

set(golden_library_targets "")
while(golden_installed_libraries)
  list(POP_FRONT golden_installed_libraries target folder)
  list(APPEND golden_library_targets ${target})
  # Exported as golden::model, not golden::golden_model: the names golden's own build
  # uses through its ALIAS targets, so code moves between the two unchanged.
  string(REGEX REPLACE "^golden_" "" export_name ${target})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${export_name})
  if(NOT EXISTS ${PROJECT_SOURCE_DIR}/${folder}/include)
    message(FATAL_ERROR "GoldenInstall.cmake: ${target} has no ${folder}/include to install")
  endif()
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${folder}/include/
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
    COMPONENT golden_development)
endwhile()

install(TARGETS golden EXPORT goldenTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT golden_runtime)
install(TARGETS ${golden_library_targets} EXPORT goldenTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT golden_development)
# The preload module behind --track-alloc. bin/golden finds it by itself (relative to its
# own path, GOLDEN_ALLOC_RELATIVE_PATH); exported as golden::alloc so goldenConfig.cmake
# can tell golden::testing's users where it is (a test executable has no fixed place
# relative to it).
set_target_properties(golden_alloc PROPERTIES EXPORT_NAME alloc)
install(TARGETS golden_alloc EXPORT goldenTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/golden COMPONENT golden_runtime)

install(EXPORT goldenTargets
  NAMESPACE golden::
  DESTINATION ${GOLDEN_INSTALL_CMAKEDIR}
  COMPONENT golden_development)

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/goldenConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/goldenConfig.cmake
  INSTALL_DESTINATION ${GOLDEN_INSTALL_CMAKEDIR})
# 0.x: a minor version may break the API, so 0.1 accepts 0.1.x only (not 0.2).
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/goldenConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
    ${PROJECT_BINARY_DIR}/cmake/goldenConfig.cmake
    ${PROJECT_BINARY_DIR}/cmake/goldenConfigVersion.cmake
    ${PROJECT_SOURCE_DIR}/cmake/goldenTesting.cmake
  DESTINATION ${GOLDEN_INSTALL_CMAKEDIR}
  COMPONENT golden_development)
