/* exec_from_thread: a non-main thread calls execve while the main thread is blocked in
 * pause(). The kernel kills the other threads and the exec'ing thread takes over the
 * thread-group leader's pid (a tracer sees the exec reported under the old tid first).
 * The new image (same program, argument "--after") prints and exits 0.
 * The thread waits until main is inside pause, so main's pause is always entered and
 * never returns (an unfinished call) — deterministic.
 * Nondeterministic syscalls: pread64 and clock_nanosleep (wait_in_syscall polling).
 * stdout (deterministic):
 *   main: starting the exec thread
 *   after exec: single-threaded again
 * Exit status 0. */
#include <pthread.h>
#include <sys/syscall.h>

#include "tracee.h"

static void* exec_thread(void* arg) {
  (void)arg;
  wait_in_syscall(getpid(), SYS_pause);
  char* const argv[] = {"exec_from_thread", "--after", NULL};
  execv("/proc/self/exe", argv);
  die("execv");
  return NULL;
}

int main(int argc, char** argv) {
  if (argc > 1 && strcmp(argv[1], "--after") == 0) {
    say("after exec: single-threaded again\n");
    return 0;
  }
  say("main: starting the exec thread\n");
  pthread_t t;
  CHECK(pthread_create(&t, NULL, exec_thread, NULL) == 0);
  for (;;) pause();
}
