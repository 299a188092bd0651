/* exit_code: prints one line and exits with argv[1] (default 0), via exit(3).
 * stdout (deterministic):
 *   exit_code: exiting with N
 * Exit status N. */
#include "tracee.h"

int main(int argc, char** argv) {
  int code = argc > 1 ? atoi(argv[1]) : 0;
  say("exit_code: exiting with %d\n", code);
  return code;
}
