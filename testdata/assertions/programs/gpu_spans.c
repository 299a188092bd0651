/* An instrumented "GPU" program whose host<->device copies dominate: each step uploads
 * for 30 ms, runs a 5 ms kernel, downloads for 30 ms (sleeps stand in for the device). */
#include "programs.h"

static void busy(const char* name, long ms) {
  span(kSpanOpen, name);
  struct timespec t = {0, ms * 1000 * 1000};
  CHECK(nanosleep(&t, NULL) == 0);
  span(kSpanClose, name);
}

int main(void) {
  for (int step = 0; step < 2; ++step) {
    busy("h2d_copy", 30);
    busy("kernel_matmul", 5);
    busy("d2h_copy", 30);
  }
  return 0;
}
