// unix_stream: a server accepts one connection on a unix stream socket (abstract name)
// and reads the child client's message; the client connects and sends it.
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  struct sockaddr_un addr = {0};
  addr.sun_family = AF_UNIX;
  int len = snprintf(addr.sun_path + 1, sizeof addr.sun_path - 1, "golden-rec-%d", getpid());
  socklen_t alen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + len);
  int srv = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (srv < 0 || bind(srv, (struct sockaddr*)&addr, alen) != 0 || listen(srv, 1) != 0) return 1;
  pid_t pid = fork();
  if (pid == 0) {
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(c, (struct sockaddr*)&addr, alen) != 0) _exit(1);
    if (write(c, "hello server", 12) != 12) _exit(2);
    _exit(0);
  }
  int conn = accept(srv, NULL, NULL);
  if (conn < 0) return 2;
  char buf[32];
  size_t got = 0;
  for (;;) {
    ssize_t n = read(conn, buf + got, sizeof buf - got);
    if (n <= 0) break;
    got += (size_t)n;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return got == 12 && memcmp(buf, "hello server", 12) == 0 ? 0 : 3;
}
