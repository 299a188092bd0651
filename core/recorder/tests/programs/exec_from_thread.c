// exec_from_thread PROGRAM [ARGS...]: a second thread execs PROGRAM while the main
// thread is blocked; the process continues as PROGRAM under the leader's pid.
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "blocked_in.h"
static char** args;
static void* run(void* arg) {
  (void)arg;
  syscall(SYS_getppid);
  if (!wait_blocked_in(getpid(), SYS_pause)) _exit(126);  // the leader sits in pause()
  execv(args[1], args + 1);
  _exit(127);
}
int main(int argc, char** argv) {
  if (argc < 2) return 2;
  args = argv;
  pthread_t t;
  if (pthread_create(&t, NULL, run, NULL) != 0) return 3;
  for (;;) pause();
}
