/* The main thread waits for its own worker: it reads the worker's result from a pipe,
 * then joins it. Not a blocking main thread: it waits for work it handed out. */
#include <pthread.h>

#include "programs.h"

static int result_pipe[2];

static void* worker(void* arg) {
  (void)arg;
  spin_ms(300);
  CHECK(write(result_pipe[1], "42", 2) == 2);
  return NULL;
}

int main(void) {
  CHECK(pipe(result_pipe) == 0);
  pthread_t t;
  CHECK(pthread_create(&t, NULL, worker, NULL) == 0);
  char buf[2];
  CHECK(read(result_pipe[0], buf, 2) == 2);
  CHECK(pthread_join(t, NULL) == 0);
  return buf[0] == '4' ? 0 : 1;
}
