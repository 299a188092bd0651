// sleeper [READY_FILE]: creates READY_FILE once running (so a test knows it can attach),
// then loops: a short sleep and a getppid(). Runs until killed.
#include <fcntl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
int main(int argc, char** argv) {
  if (argc > 1) {
    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) close(fd);
  }
  struct timespec ts = {0, 20 * 1000 * 1000};
  for (;;) {
    nanosleep(&ts, NULL);
    syscall(SYS_getppid);
  }
}
