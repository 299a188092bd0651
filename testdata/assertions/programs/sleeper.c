/* One 200 ms sleep: a critical path and a wall time of at least that. */
#include "programs.h"

int main(void) {
  struct timespec t = {0, 200 * 1000 * 1000};
  CHECK(nanosleep(&t, NULL) == 0);
  return 0;
}
