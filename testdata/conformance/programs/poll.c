// Conformance tracee: waiting for fds — poll/ppoll, select/pselect6, epoll.
#include "conformance.h"

#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/select.h>

int main(void) {
  int p[2];
  pipe(p);
  write(p[1], "x", 1);
  struct pollfd fds[3] = {{p[0], POLLIN, 0}, {p[1], POLLOUT | POLLPRI, 0}, {-1, POLLIN, 0}};
  poll(fds, 3, 0);
  struct timespec ts = {0, 0};
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGUSR1);
  ppoll(fds, 2, &ts, &mask);
  fd_set rd, wr;
  FD_ZERO(&rd);
  FD_ZERO(&wr);
  FD_SET(p[0], &rd);
  FD_SET(p[1], &wr);
  struct timeval tv = {0, 10};
  select(p[1] + 1, &rd, &wr, NULL, &tv);
  FD_ZERO(&rd);
  FD_SET(p[0], &rd);
  pselect(p[0] + 1, &rd, NULL, NULL, &ts, &mask);
  int ep = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.u64 = 7};
  epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
  ev.events = EPOLLOUT;
  epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev);
  struct epoll_event out[4];
  epoll_wait(ep, out, 4, 0);
  epoll_pwait(ep, out, 4, 0, &mask);
  epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL);
  close(ep);
  epoll_create(10);
  close(p[0]);
  close(p[1]);
  return 0;
}
