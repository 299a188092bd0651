/* Shared by the assertion tracees: die loudly if a setup call fails, so a test never
 * passes on a program that did not do what it says. */
#pragma once

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(expr)                                                       \
  do {                                                                    \
    if (!(expr)) {                                                        \
      fprintf(stderr, "%s:%d: %s failed\n", __FILE__, __LINE__, #expr);   \
      exit(99);                                                           \
    }                                                                     \
  } while (0)

/* Burns CPU for about `ms` milliseconds without making syscalls (the clock is read
 * through the vDSO). */
#include <time.h>
static inline void spin_ms(long ms) {
  struct timespec start, now;
  clock_gettime(CLOCK_MONOTONIC, &start);
  volatile unsigned long sink = 0;
  do {
    for (int i = 0; i < 10000; ++i) sink += (unsigned long)i * 2654435761u;
    clock_gettime(CLOCK_MONOTONIC, &now);
  } while ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 < ms);
}

/* golden's marker syscall (golden/model/marker.hpp): spans for instrumented code. */
#include <sys/syscall.h>
#include <unistd.h>
enum { kMarker = 0x601d, kSpanOpen = 1, kSpanClose = 2 };
static inline void span(int op, const char* name) { syscall(kMarker, op, name, strlen(name)); }
