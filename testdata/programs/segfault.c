/* segfault: prints one line, then dies by SIGSEGV (a store through a null pointer the
 * compiler cannot see). RLIMIT_CORE is set to 0 first so no core file is written.
 * A tracer must let the signal kill the program: golden capture exits 139 (128+11).
 * stdout (deterministic):
 *   about to segfault
 * Killed by SIGSEGV. */
#include <sys/resource.h>

#include "tracee.h"

static int* volatile target = NULL;

int main(void) {
  struct rlimit no_core = {0, 0};
  CHECK(setrlimit(RLIMIT_CORE, &no_core) == 0);
  say("about to segfault\n");
  *target = 1;
  say("still alive?\n");
  return 0;
}
