// pipe_parent_child: the child writes a message into a pipe and exits; the parent
// reads it all, then reaps the child. Exit 0 when the message arrived intact.
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  int fds[2];
  if (pipe(fds) != 0) return 1;
  pid_t pid = fork();
  if (pid < 0) return 2;
  if (pid == 0) {
    close(fds[0]);
    const char msg[] = "hello through the pipe\n";
    if (write(fds[1], msg, sizeof msg - 1) != (ssize_t)(sizeof msg - 1)) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  char buf[256];
  size_t got = 0;
  for (;;) {
    ssize_t n = read(fds[0], buf + got, sizeof buf - got);
    if (n <= 0) break;
    got += (size_t)n;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return got == 23 && memcmp(buf, "hello through the pipe\n", 23) == 0 ? 0 : 3;
}
