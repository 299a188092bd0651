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
  ticker)
# Programs that need -pthread.
set(GOLDEN_TRACEE_THREADED threads exec_from_thread)
