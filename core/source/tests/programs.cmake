# Tracee programs for source correlation, one per case of SPEC §8: built here with
# exactly the flags each case needs (they override the build type's -O2 -g), into
# ${GOLDEN_SOURCE_PROGRAMS_DIR}. Included from core/source/CMakeLists.txt.
set(GOLDEN_SOURCE_PROGRAMS_DIR ${CMAKE_CURRENT_BINARY_DIR}/programs)
set(GOLDEN_SOURCE_PROGRAMS_DIR ${GOLDEN_SOURCE_PROGRAMS_DIR} PARENT_SCOPE)
set(golden_source_program_targets)
find_package(Threads REQUIRED)

# golden_source_program(NAME SOURCE src FLAGS ... [LINK_FLAGS ...] [LIBS ...] [SHARED])
function(golden_source_program name)
  cmake_parse_arguments(ARG "SHARED" "SOURCE" "FLAGS;LINK_FLAGS;LIBS" ${ARGN})
  if(ARG_SHARED)
    add_library(source_prog_${name} SHARED tests/programs/${ARG_SOURCE})
    set_target_properties(source_prog_${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY
                                                         ${GOLDEN_SOURCE_PROGRAMS_DIR})
  else()
    add_executable(source_prog_${name} tests/programs/${ARG_SOURCE})
    set_target_properties(source_prog_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                         ${GOLDEN_SOURCE_PROGRAMS_DIR})
  endif()
  set_target_properties(source_prog_${name} PROPERTIES OUTPUT_NAME ${name})
  target_compile_options(source_prog_${name} PRIVATE -Wall ${ARG_FLAGS})
  if(ARG_LINK_FLAGS)
    target_link_options(source_prog_${name} PRIVATE ${ARG_LINK_FLAGS})
  endif()
  if(ARG_LIBS)
    target_link_libraries(source_prog_${name} PRIVATE ${ARG_LIBS})
  endif()
  set(golden_source_program_targets ${golden_source_program_targets} source_prog_${name}
      PARENT_SCOPE)
endfunction()

# PIE and non-PIE, -O0 and -O2, DWARF 4 and 5, compressed debug sections, split DWARF.
golden_source_program(src_basic_O0_pie SOURCE src_basic.c FLAGS -O0 -g -fPIE LINK_FLAGS -pie)
golden_source_program(src_basic_O0_nopie SOURCE src_basic.c FLAGS -O0 -g -fno-pie LINK_FLAGS -no-pie)
golden_source_program(src_basic_O2 SOURCE src_basic.c FLAGS -O2 -g)
golden_source_program(src_basic_dwarf4 SOURCE src_basic.c FLAGS -O2 -gdwarf-4)
golden_source_program(src_basic_gz SOURCE src_basic.c FLAGS -O1 -g -gz LINK_FLAGS -gz)
golden_source_program(src_basic_split SOURCE src_basic.c FLAGS -O1 -g -gsplit-dwarf)
# An inlined function at -O2; C++; the user's own shared library; fork+exec; threads.
golden_source_program(src_inline SOURCE src_inline.c FLAGS -O2 -g)
golden_source_program(src_cpp SOURCE src_cpp.cpp FLAGS -O2 -g)
golden_source_program(srcuser SOURCE src_lib.c FLAGS -O1 -g SHARED)
golden_source_program(src_lib_main SOURCE src_lib_main.c FLAGS -O1 -g LIBS source_prog_srcuser)
golden_source_program(src_fork_exec SOURCE src_fork_exec.c FLAGS -O1 -g)
golden_source_program(src_threads SOURCE src_threads.c FLAGS -O1 -g LIBS Threads::Threads)
# No debug info: with the symbol table, and stripped of it too.
golden_source_program(src_nodebug SOURCE src_basic.c FLAGS -O0 -g0)
golden_source_program(src_nodebug_stripped SOURCE src_basic.c FLAGS -O0 -g0)
add_custom_command(TARGET source_prog_src_nodebug_stripped POST_BUILD
  COMMAND ${CMAKE_STRIP} --strip-all $<TARGET_FILE:source_prog_src_nodebug_stripped>
  VERBATIM)
# Stripped, with the debug info in a separate file: found through .gnu_debuglink beside
# the binary (src_debuglink.debug), or only through the build-id (src_buildid.debug-store,
# which the tests copy to ROOT/.build-id/xx/yyyy.debug under a directory they give).
golden_source_program(src_debuglink SOURCE src_basic.c FLAGS -O0 -g)
add_custom_command(TARGET source_prog_src_debuglink POST_BUILD
  COMMAND ${CMAKE_OBJCOPY} --only-keep-debug src_debuglink src_debuglink.debug
  COMMAND ${CMAKE_OBJCOPY} --strip-debug --add-gnu-debuglink=src_debuglink.debug src_debuglink
  WORKING_DIRECTORY ${GOLDEN_SOURCE_PROGRAMS_DIR}
  VERBATIM)
golden_source_program(src_buildid SOURCE src_basic.c FLAGS -O0 -g)
add_custom_command(TARGET source_prog_src_buildid POST_BUILD
  COMMAND ${CMAKE_OBJCOPY} --only-keep-debug src_buildid src_buildid.debug-store
  COMMAND ${CMAKE_OBJCOPY} --strip-debug src_buildid
  WORKING_DIRECTORY ${GOLDEN_SOURCE_PROGRAMS_DIR}
  VERBATIM)

add_custom_target(golden_source_programs DEPENDS ${golden_source_program_targets})

# Symbolization of the programs' files, without running them.
golden_add_gtest(golden_source_test
  SOURCES
    tests/demangle_test.cpp
    tests/symbolize_test.cpp
    tests/source_lines.cpp
  LIBS golden::source)
if(TARGET golden_source_test)
  add_dependencies(golden_source_test golden_source_programs)
  target_include_directories(golden_source_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_compile_definitions(golden_source_test PRIVATE
    GOLDEN_SOURCE_PROGRAMS="${GOLDEN_SOURCE_PROGRAMS_DIR}")
endif()

# The programs captured with --source through the recorder: a known syscall at a known
# file:line in a known function, for every case.
golden_add_gtest(golden_source_capture_test
  SOURCES
    tests/capture_source_test.cpp
    tests/source_lines.cpp
  LIBS golden::recorder golden::source)
if(TARGET golden_source_capture_test)
  add_dependencies(golden_source_capture_test golden_source_programs)
  target_include_directories(golden_source_capture_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_compile_definitions(golden_source_capture_test PRIVATE
    GOLDEN_SOURCE_PROGRAMS="${GOLDEN_SOURCE_PROGRAMS_DIR}")
endif()
