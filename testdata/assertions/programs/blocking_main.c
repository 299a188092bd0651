/* The main thread blocks in one long call (a 400 ms sleep) while a worker thread keeps
 * working. */
#include <pthread.h>

#include "programs.h"

static void* worker(void* arg) {
  (void)arg;
  for (int i = 0; i < 50; ++i) {
    spin_ms(10);
    CHECK(getppid() > 0);
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  CHECK(pthread_create(&t, NULL, worker, NULL) == 0);
  struct timespec wait = {0, 400 * 1000 * 1000};
  CHECK(nanosleep(&wait, NULL) == 0);
  CHECK(pthread_join(t, NULL) == 0);
  return 0;
}
