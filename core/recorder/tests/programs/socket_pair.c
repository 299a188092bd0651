// socket_pair: ping-pong over socketpair(AF_UNIX, SOCK_STREAM) between parent and child.
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return 1;
  pid_t pid = fork();
  if (pid < 0) return 1;
  char buf[16] = {0};
  if (pid == 0) {
    close(sv[0]);
    if (write(sv[1], "ping", 4) != 4) _exit(1);
    if (read(sv[1], buf, 4) != 4 || memcmp(buf, "pong", 4) != 0) _exit(2);
    _exit(0);
  }
  close(sv[1]);
  if (read(sv[0], buf, 4) != 4 || memcmp(buf, "ping", 4) != 0) return 2;
  if (write(sv[0], "pong", 4) != 4) return 3;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 4;
}
