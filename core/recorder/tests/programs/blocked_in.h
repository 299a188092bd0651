// Waits (up to ~5 s) until thread `tid` sleeps inside syscall `nr` (per
// /proc/<tid>/syscall and the 'S' state in /proc/<tid>/stat, which rules out a
// ptrace stop at the syscall's entry), so a test can act on a thread that is
// certainly mid-call.
#pragma once
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
static inline int read_proc_text(const char* path, char* buf, size_t size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, buf, size - 1);
  close(fd);
  if (n <= 0) return 0;
  buf[n] = '\0';
  return 1;
}
static inline int wait_blocked_in(int tid, long nr) {
  char path[64], buf[512];
  for (int i = 0; i < 5000; ++i) {
    snprintf(path, sizeof path, "/proc/%d/syscall", tid);
    int in_call = read_proc_text(path, buf, sizeof buf) && buf[0] != '-' &&
                  buf[0] != 'r' && strtol(buf, NULL, 10) == nr;
    snprintf(path, sizeof path, "/proc/%d/stat", tid);
    if (in_call && read_proc_text(path, buf, sizeof buf)) {
      const char* close_paren = strrchr(buf, ')');
      if (close_paren && close_paren[1] == ' ' && close_paren[2] == 'S') return 1;
    }
    struct timespec ts = {0, 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  return 0;
}
