// threads [N]: N threads (default 3), each making a few syscalls, joined by main.
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
static void* work(void* arg) {
  (void)arg;
  int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  for (int i = 0; i < 5; ++i) {
    syscall(SYS_getppid);
    if (fd >= 0) (void)!write(fd, "x", 1);
  }
  if (fd >= 0) close(fd);
  return NULL;
}
int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 3;
  pthread_t t[64];
  if (n > 64) n = 64;
  for (int i = 0; i < n; ++i)
    if (pthread_create(&t[i], NULL, work, NULL) != 0) return 1;
  for (int i = 0; i < n; ++i) pthread_join(t[i], NULL);
  return 0;
}
