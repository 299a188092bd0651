/* sockets: three kinds of socket conversation between a parent and a child.
 *  1. TCP over loopback: the parent listens on 127.0.0.1:<ephemeral> (listening before
 *     the fork, so the child's connect never races), the child connects and sends
 *     "ping", the server answers "pong".
 *  2. socketpair(AF_UNIX, SOCK_STREAM): child and parent exchange a line each way.
 *  3. A unix socket bound to a path in /tmp (removed at the end): the child connects
 *     and uses send(), the parent accept()s and recv()s.
 *  4. TCP again, but the client connects and writes "early" before the server calls
 *     accept (the server waits for the client's go byte on a pipe): bytes written
 *     before the peer's socket exists in the server are still consumed by its read.
 * Each message is one small write/send, read whole by one read/recv.
 *
 * Exercises: socket/bind/listen/accept/connect decoding (sockaddrs), data edges over
 * sockets, fds named socket:[...].
 * stdout (deterministic):
 *   tcp: server got ping
 *   tcp: client exited with 0
 *   socketpair: parent got hello parent
 *   socketpair: child exited with 0
 *   unix: server got hello unix
 *   unix: client exited with 0
 *   tcp early: server got early
 *   tcp early: client exited with 0
 * Exit status 0. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include "tracee.h"

static int wait_child(pid_t pid) {
  int status = 0;
  CHECK(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Reads exactly `n` bytes (one read in practice; loops to be safe). */
static void read_exact(int fd, char* buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, buf + got, n - got);
    CHECK(r > 0);
    got += (size_t)r;
  }
  buf[n] = 0;
}

static void tcp(void) {
  int srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  CHECK(srv >= 0);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  CHECK(bind(srv, (struct sockaddr*)&addr, sizeof addr) == 0);
  CHECK(listen(srv, 1) == 0);
  socklen_t len = sizeof addr;
  CHECK(getsockname(srv, (struct sockaddr*)&addr, &len) == 0);
  pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    close(srv);
    int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    CHECK(c >= 0);
    CHECK(connect(c, (struct sockaddr*)&addr, sizeof addr) == 0);
    CHECK(write(c, "ping", 4) == 4);
    char buf[8];
    read_exact(c, buf, 4);
    close(c);
    _exit(strcmp(buf, "pong") == 0 ? 0 : 1);
  }
  int conn = accept(srv, NULL, NULL);
  CHECK(conn >= 0);
  char buf[8];
  read_exact(conn, buf, 4);
  say("tcp: server got %s\n", buf);
  CHECK(write(conn, "pong", 4) == 4);
  close(conn);
  close(srv);
  say("tcp: client exited with %d\n", wait_child(pid));
}

static void pair(void) {
  int sv[2];
  CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
  pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    close(sv[0]);
    CHECK(write(sv[1], "hello parent", 12) == 12);
    char buf[16];
    read_exact(sv[1], buf, 11);
    _exit(strcmp(buf, "hello child") == 0 ? 0 : 1);
  }
  close(sv[1]);
  char buf[16];
  read_exact(sv[0], buf, 12);
  say("socketpair: parent got %s\n", buf);
  CHECK(write(sv[0], "hello child", 11) == 11);
  close(sv[0]);
  say("socketpair: child exited with %d\n", wait_child(pid));
}

static void unix_path(void) {
  struct sockaddr_un addr;
  memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  snprintf(addr.sun_path, sizeof addr.sun_path, "/tmp/golden-sockets-%d.sock", (int)getpid());
  int srv = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  CHECK(srv >= 0);
  CHECK(bind(srv, (struct sockaddr*)&addr, sizeof addr) == 0);
  CHECK(listen(srv, 1) == 0);
  pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    close(srv);
    int c = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    CHECK(c >= 0);
    CHECK(connect(c, (struct sockaddr*)&addr, sizeof addr) == 0);
    CHECK(send(c, "hello unix", 10, 0) == 10);
    close(c);
    _exit(0);
  }
  int conn = accept(srv, NULL, NULL);
  CHECK(conn >= 0);
  char buf[16];
  size_t got = 0;
  while (got < 10) {
    ssize_t r = recv(conn, buf + got, 10 - got, 0);
    CHECK(r > 0);
    got += (size_t)r;
  }
  buf[got] = 0;
  say("unix: server got %s\n", buf);
  close(conn);
  close(srv);
  unlink(addr.sun_path);
  say("unix: client exited with %d\n", wait_child(pid));
}

static void tcp_early(void) {
  int srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  CHECK(srv >= 0);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  CHECK(bind(srv, (struct sockaddr*)&addr, sizeof addr) == 0);
  CHECK(listen(srv, 1) == 0);
  socklen_t len = sizeof addr;
  CHECK(getsockname(srv, (struct sockaddr*)&addr, &len) == 0);
  int go[2];
  CHECK(pipe(go) == 0);
  pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    close(srv);
    close(go[0]);
    int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    CHECK(c >= 0);
    CHECK(connect(c, (struct sockaddr*)&addr, sizeof addr) == 0);
    CHECK(write(c, "early", 5) == 5);
    CHECK(write(go[1], "g", 1) == 1);
    close(c);
    _exit(0);
  }
  close(go[1]);
  char g = 0;
  CHECK(read(go[0], &g, 1) == 1);
  close(go[0]);
  int conn = accept(srv, NULL, NULL);
  CHECK(conn >= 0);
  char buf[8];
  read_exact(conn, buf, 5);
  say("tcp early: server got %s\n", buf);
  close(conn);
  close(srv);
  say("tcp early: client exited with %d\n", wait_child(pid));
}

int main(void) {
  tcp();
  pair();
  unix_path();
  tcp_early();
  return 0;
}
