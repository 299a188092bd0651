// tcp_loopback: a server on 127.0.0.1 (ephemeral port) reads the message its child
// client sends over TCP.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  int srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t alen = sizeof addr;
  if (srv < 0 || bind(srv, (struct sockaddr*)&addr, sizeof addr) != 0 || listen(srv, 1) != 0 ||
      getsockname(srv, (struct sockaddr*)&addr, &alen) != 0)
    return 1;
  pid_t pid = fork();
  if (pid == 0) {
    int c = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(c, (struct sockaddr*)&addr, sizeof addr) != 0) _exit(1);
    if (write(c, "hello tcp", 9) != 9) _exit(2);
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
  return got == 9 && memcmp(buf, "hello tcp", 9) == 0 ? 0 : 3;
}
