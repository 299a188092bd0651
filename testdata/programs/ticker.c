/* ticker: a long-running program for attach (-p) and interruption tests.
 * Every 5 ms it calls getppid and prints "tick K pid P" (K from 1), until it has
 * printed argv[1] ticks (default: forever). The test reads the ticks through a pipe to
 * know how far the program got, without sleeping.
 * stdout: "tick 1 pid P", "tick 2 pid P", ... (one line per write).
 * Exit status 0 after the last tick; normally ended by a signal. */
#include <sys/syscall.h>

#include "tracee.h"

int main(int argc, char** argv) {
  long limit = argc > 1 ? strtol(argv[1], NULL, 10) : -1;
  for (long k = 1; limit < 0 || k <= limit; k++) {
    syscall(SYS_getppid);
    say("tick %ld pid %d\n", k, (int)getpid());
    struct timespec ts = {0, 5 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  return 0;
}
