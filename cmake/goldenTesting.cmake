# golden_add_test(): a CTest test that runs `golden verify` on a program.
#
#   golden_add_test(NAME name
#                   COMMAND program [args...]
#                   GOLDEN file.golden.json
#                   [CONFIG renacer.toml]          # budgets and [compare] rules
#                   [COMPARE_CONFIG compare.toml]  # [compare] rules from another file
#                   [WORKING_DIRECTORY dir]        # default: CMAKE_CURRENT_BINARY_DIR
#                   [TIMEOUT seconds]              # default: 300
#                   [LABELS label...]              # "golden" is always one
#                   [VERIFY_ARGS arg...])          # more `golden verify` options (-e, --runs...)
#
# The test runs `golden verify --golden FILE [--config C] [--compare-config F] -- program args`
# with golden's update rules: a missing golden is recorded (the test passes), GOLDEN_UPDATE=1
# re-records it, and with CI set the golden is never written (FILE.new is, and the test fails).
# Relative GOLDEN/CONFIG/COMPARE_CONFIG paths are relative to CMAKE_CURRENT_SOURCE_DIR:
# goldens are committed with the sources.
#
# When `program` names an executable target, its built file is run. ctest does not build:
# build first (`cmake --build build && ctest --test-dir build`); a test whose program or
# golden binary is missing is reported "Not Run" (REQUIRED_FILES) instead of failing.
#
# Used from an installed golden (goldenConfig.cmake includes this file) and inside golden's
# own build; both define golden::golden.
include_guard(GLOBAL)

function(golden_add_test)
  cmake_parse_arguments(PARSE_ARGV 0 ARG ""
    "NAME;GOLDEN;CONFIG;COMPARE_CONFIG;WORKING_DIRECTORY;TIMEOUT" "COMMAND;VERIFY_ARGS;LABELS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "golden_add_test: unexpected arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required NAME COMMAND GOLDEN)
    if(NOT ARG_${required})
      message(FATAL_ERROR "golden_add_test(${ARG_NAME}): ${required} is required")
    endif()
  endforeach()
  if(NOT TARGET golden::golden)
    message(FATAL_ERROR "golden_add_test(${ARG_NAME}): no golden::golden target; "
                        "call find_package(golden) first")
  endif()

  foreach(file GOLDEN CONFIG COMPARE_CONFIG)
    if(ARG_${file})
      get_filename_component(ARG_${file} "${ARG_${file}}" ABSOLUTE
                             BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    endif()
  endforeach()
  # Configs are sources: a wrong path is a mistake to report now, not a failing test.
  foreach(file CONFIG COMPARE_CONFIG)
    if(ARG_${file} AND NOT EXISTS "${ARG_${file}}")
      message(FATAL_ERROR "golden_add_test(${ARG_NAME}): ${file} ${ARG_${file}} does not exist")
    endif()
  endforeach()

  # golden verify writes FILE.new beside the golden: two tests sharing a golden would
  # overwrite each other's under `ctest -j`, and could not both match it anyway.
  get_property(owner GLOBAL PROPERTY "golden_add_test:${ARG_GOLDEN}")
  if(owner)
    message(FATAL_ERROR "golden_add_test(${ARG_NAME}): GOLDEN ${ARG_GOLDEN} is already the "
                        "golden of test ${owner}; give each test its own golden file")
  endif()
  set_property(GLOBAL PROPERTY "golden_add_test:${ARG_GOLDEN}" "${ARG_NAME}")

  set(verify_args --golden "${ARG_GOLDEN}")
  set(required_files "$<TARGET_FILE:golden::golden>")
  if(ARG_CONFIG)
    list(APPEND verify_args --config "${ARG_CONFIG}")
  endif()
  if(ARG_COMPARE_CONFIG)
    list(APPEND verify_args --compare-config "${ARG_COMPARE_CONFIG}")
  endif()

  list(POP_FRONT ARG_COMMAND program)
  if(TARGET ${program})
    get_target_property(type ${program} TYPE)
    if(NOT type STREQUAL "EXECUTABLE")
      message(FATAL_ERROR "golden_add_test(${ARG_NAME}): ${program} is a ${type}, not an executable")
    endif()
    set(program "$<TARGET_FILE:${program}>")
    list(APPEND required_files "${program}")
  endif()

  if(NOT ARG_WORKING_DIRECTORY)
    set(ARG_WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  get_filename_component(ARG_WORKING_DIRECTORY "${ARG_WORKING_DIRECTORY}" ABSOLUTE
                         BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()

  add_test(NAME ${ARG_NAME}
    COMMAND "$<TARGET_FILE:golden::golden>" verify ${verify_args} ${ARG_VERIFY_ARGS}
            -- "${program}" ${ARG_COMMAND}
    WORKING_DIRECTORY "${ARG_WORKING_DIRECTORY}")
  set(labels golden ${ARG_LABELS})
  set_tests_properties(${ARG_NAME} PROPERTIES
    TIMEOUT ${ARG_TIMEOUT}
    LABELS "${labels}"
    REQUIRED_FILES "${required_files}")
endfunction()
