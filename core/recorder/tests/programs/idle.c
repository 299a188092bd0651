// idle READY_FILE: creates READY_FILE, then blocks in pause() for ever: a tracee that
// never stops the tracer, so only request_stop()'s wake-up can end the capture.
#include <fcntl.h>
#include <unistd.h>
int main(int argc, char** argv) {
  if (argc > 1) {
    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) close(fd);
  }
  for (;;) pause();
}
