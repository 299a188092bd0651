// Conformance tracee: clocks and timers — clock_*, nanosleep, itimers, alarm, POSIX
// timers, timerfd, gettimeofday/time. Time values read back differ run to run; the
// values given are fixed.
#include "conformance.h"

#include <signal.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <time.h>

int main(void) {
  struct timespec ts;
  syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
  syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
  syscall(SYS_clock_getres, CLOCK_BOOTTIME, &ts);
  syscall(SYS_clock_gettime, 99, &ts);
  struct timespec req = {0, 1000}, rem;
  nanosleep(&req, &rem);
  clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem);
  struct itimerval it = {.it_interval = {0, 0}, .it_value = {100, 0}}, old;
  setitimer(ITIMER_REAL, &it, &old);
  getitimer(ITIMER_REAL, &old);
  setitimer(ITIMER_VIRTUAL, &it, NULL);
  getitimer(ITIMER_PROF, &old);
  struct itimerval off = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &off, NULL);
  setitimer(ITIMER_VIRTUAL, &off, NULL);
  alarm(100);
  alarm(0);
  struct sigevent sev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGRTMIN};
  timer_t t;
  syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &t);
  struct itimerspec its = {.it_interval = {1, 0}, .it_value = {100, 0}}, oits;
  syscall(SYS_timer_settime, t, 0, &its, &oits);
  syscall(SYS_timer_gettime, t, &oits);
  syscall(SYS_timer_getoverrun, t);
  syscall(SYS_timer_delete, t);
  int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
  timerfd_settime(tfd, 0, &its, NULL);
  timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, &oits);
  close(tfd);
  struct timeval tv;
  syscall(SYS_gettimeofday, &tv, NULL);
  syscall(SYS_time, NULL);
  return 0;
}
