// Conformance tracee: execve from a thread that is not the leader (issue 12, item 3).
// The leader blocks in pause(); a second thread execs this program again with an
// argument, which exits at once.
#include "conformance.h"

#include <pthread.h>

static char* self;

static void* execer(void* arg) {
  (void)arg;
  char* argv[] = {self, "again", NULL};
  execve(self, argv, (char*[]){NULL});
  return NULL;
}

int main(int argc, char** argv) {
  if (argc > 1) return 0;
  self = argv[0];
  pthread_t t;
  pthread_create(&t, NULL, execer, NULL);
  pause();
  return 1;
}
