/* An instrumented "GPU" program that hides its copies: a copy thread uploads and
 * downloads while the compute thread runs a long kernel. */
#include <pthread.h>

#include "programs.h"

static void sleep_ms(long ms) {
  struct timespec t = {0, ms * 1000 * 1000};
  CHECK(nanosleep(&t, NULL) == 0);
}

static void* copies(void* arg) {
  (void)arg;
  sleep_ms(20);
  span(kSpanOpen, "upload");
  sleep_ms(30);
  span(kSpanClose, "upload");
  span(kSpanOpen, "download");
  sleep_ms(30);
  span(kSpanClose, "download");
  return NULL;
}

int main(void) {
  span(kSpanOpen, "kernel_step");
  pthread_t t;
  CHECK(pthread_create(&t, NULL, copies, NULL) == 0);
  sleep_ms(150);
  CHECK(pthread_join(t, NULL) == 0);
  span(kSpanClose, "kernel_step");
  return 0;
}
