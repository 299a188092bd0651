// Conformance tracee: sockets — unix and loopback inet stream/datagram sockets, socket
// options (level, name, value, length), addresses, send/recv families.
#include "conformance.h"

#include <arpa/inet.h>
#include <stddef.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>

int main(void) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
  send(sv[0], "ping", 4, MSG_NOSIGNAL);
  char buf[64];
  recv(sv[1], buf, sizeof buf, MSG_DONTWAIT);
  struct iovec iov = {"hello", 5};
  struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
  sendmsg(sv[0], &mh, 0);
  struct iovec riov = {buf, sizeof buf};
  struct msghdr rmh = {.msg_iov = &riov, .msg_iovlen = 1};
  recvmsg(sv[1], &rmh, 0);
  shutdown(sv[0], SHUT_WR);
  close(sv[0]);
  close(sv[1]);

  // A unix listener in the current directory.
  int srv = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un un = {.sun_family = AF_UNIX};
  strcpy(un.sun_path, "sock");
  bind(srv, (struct sockaddr*)&un, sizeof un);
  listen(srv, 5);
  int cli = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  connect(cli, (struct sockaddr*)&un, offsetof(struct sockaddr_un, sun_path) + 5);
  struct sockaddr_un peer;
  socklen_t plen = sizeof peer;
  int acc = accept4(srv, (struct sockaddr*)&peer, &plen, SOCK_CLOEXEC);
  plen = sizeof peer;
  getsockname(srv, (struct sockaddr*)&peer, &plen);
  plen = sizeof peer;
  getpeername(cli, (struct sockaddr*)&peer, &plen);
  write(cli, "x", 1);
  read(acc, buf, 1);
  close(acc);
  close(cli);
  close(srv);
  unlink("sock");

  // Loopback TCP with socket options.
  int s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  int one = 1, zero = 0, val = 0;
  setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &zero, sizeof zero);
  struct linger lg = {1, 5};
  setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  struct timeval tv = {3, 500};
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  socklen_t len = sizeof val;
  getsockopt(s, SOL_SOCKET, SO_TYPE, &val, &len);
  len = sizeof val;
  getsockopt(s, SOL_SOCKET, SO_ERROR, &val, &len);
  len = sizeof val;
  getsockopt(s, IPPROTO_TCP, TCP_NODELAY, &val, &len);
  len = sizeof val;
  getsockopt(s, SOL_SOCKET, SO_RCVBUF, &val, &len);
  len = sizeof lg;
  getsockopt(s, SOL_SOCKET, SO_LINGER, &lg, &len);
  len = 2;
  getsockopt(s, SOL_SOCKET, SO_TYPE, &val, &len);
  setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, 2);
  setsockopt(s, SOL_SOCKET, 9999, &one, sizeof one);
  struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(0), .sin_addr = {htonl(INADDR_LOOPBACK)}};
  bind(s, (struct sockaddr*)&in, sizeof in);
  listen(s, 1);
  close(s);

  int u = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(9), .sin_addr = {htonl(INADDR_LOOPBACK)}};
  sendto(u, "dgram", 5, 0, (struct sockaddr*)&to, sizeof to);
  recvfrom(u, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL);
  close(u);
  int s6 = socket(AF_INET6, SOCK_DGRAM, 0);
  setsockopt(s6, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
  struct sockaddr_in6 in6 = {.sin6_family = AF_INET6, .sin6_port = htons(0), .sin6_addr = IN6ADDR_LOOPBACK_INIT};
  bind(s6, (struct sockaddr*)&in6, sizeof in6);
  close(s6);
  // failures
  connect(99, (struct sockaddr*)&to, sizeof to);
  socket(AF_INET, 99, 0);
  socket(12345, SOCK_STREAM, 0);
  return 0;
}
