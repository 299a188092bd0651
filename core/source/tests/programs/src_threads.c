/* A thread's syscall: attributed to the thread's own function. */
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

__attribute__((noinline)) static int thread_body(const char* path) {
  int fd = open(path, O_RDONLY); /* LINE:thread-open */
  if (fd >= 0) close(fd);
  return fd;
}

static void* worker(void* arg) {
  thread_body((const char*)arg); /* LINE:thread-call */
  return 0;
}

int main(void) {
  pthread_t t;
  if (pthread_create(&t, 0, worker, (void*)"/golden-src-thread") != 0) return 2;
  pthread_join(t, 0);
  return 0;
}
