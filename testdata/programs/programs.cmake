# The tracee programs (testdata/programs/*.c): one list shared by testdata/CMakeLists.txt
# (which builds them as targets tracee_<name>) and tools/golden/e2e (which passes
# their paths to the end-to-end tests).
set(GOLDEN_TRACEE_PROGRAMS
  fork_exec_wait
  threads
  vfork_exec
  signals
  stop_cont
  exec_from_thread
  pipe_chain
  sockets
  killed_child
  segfault
  rapid_children
  syscall_loop
  exit_code
  ticker
  affinity)
# Programs that need -pthread.
set(GOLDEN_TRACEE_THREADED threads exec_from_thread affinity)
# Programs instrumented with golden's marker syscall (spans, SPEC §9), built by
# tools/golden/e2e for its span tests (span_capture_test.cpp), which make their own
# strace -c comparison: golden records the marker as a span, not a syscall, and strace 6.1
# -c does not count it either (it has no name for 0x601d). Programs in the list above
# each need a ProgramCase in tools/golden/e2e/cases.hpp.
set(GOLDEN_TRACEE_SPAN_PROGRAMS spans)
