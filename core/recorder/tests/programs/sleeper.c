// sleeper [READY_FILE [THREADS]]: starts THREADS-1 extra threads (default none), creates
// READY_FILE once running (so a test knows it can attach), then every thread loops: a
// short sleep and a getppid(). Runs until killed.
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
static void* loop(void* arg) {
  (void)arg;
  struct timespec ts = {0, 20 * 1000 * 1000};
  for (;;) {
    nanosleep(&ts, NULL);
    syscall(SYS_getppid);
  }
  return NULL;
}
int main(int argc, char** argv) {
  int threads = argc > 2 ? atoi(argv[2]) : 1;
  for (int i = 1; i < threads; ++i) {
    pthread_t t;
    if (pthread_create(&t, NULL, loop, NULL) != 0) return 1;
  }
  if (argc > 1) {
    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) close(fd);
  }
  loop(NULL);
  return 0;
}
