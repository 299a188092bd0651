// Shared by the conformance tracees (testdata/conformance): each program makes the
// calls of one syscall family, as a new user's small test programs would, and exits 0.
// They run twice (under strace and under golden) from the same fresh directory with the
// same environment and randomization off, so every value they pass is the same in both
// runs unless the kernel makes it differ (pids, inodes, times).
#ifndef GOLDEN_CONFORMANCE_H
#define GOLDEN_CONFORMANCE_H

#define _GNU_SOURCE 1
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

// Garbage in the upper half of a register that the kernel reads as a 32-bit int
// (strace's test suite uses the same pattern).
#define GARBAGE_HI 0xdefaced00000000ULL

// `size` bytes that end where an unmapped page begins: a string or structure read
// past them faults (EFAULT for the kernel, an unreadable address for a tracer).
static inline void* tail_alloc(size_t size) {
  const size_t page = (size_t)sysconf(_SC_PAGESIZE);
  const size_t len = (size + page - 1) / page * page;
  char* p = mmap(NULL, len + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) abort();
  munmap(p + len, page);
  return p + len - size;
}

#endif
