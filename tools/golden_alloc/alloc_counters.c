/* Counters of libgolden_alloc.so: lock-free (relaxed atomics: each figure is exact,
 * they are only read together at exit), per process (reset in a fork child). */
#define _GNU_SOURCE
#include "alloc_counters.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

/* golden/model/marker.hpp: kMarkerSyscall, MarkerOp::Annotation. Kept in sync by
 * assertions/tests (alloc_preload_test), which reads these reports from real captures. */
enum { kMarkerSyscall = 0x601d, kMarkerAnnotation = 3 };

static const char* const kNames[GOLDEN_ALLOC_KINDS] = {
    "malloc", "calloc",  "realloc", "reallocarray", "posix_memalign",
    "aligned_alloc", "memalign", "valloc", "pvalloc"};

static uint64_t calls[GOLDEN_ALLOC_KINDS];
static uint64_t frees;
static uint64_t bytes;        /* requested */
static uint64_t freed_bytes;  /* usable size of the blocks freed */
static int64_t live;          /* usable size of the blocks not yet freed */
static int64_t peak;
/* The process these counters belong to: a vfork child (sharing our memory, and
 * running no atfork handler) must neither report them as its own nor reset them. */
static pid_t owner;

static pid_t current_pid(void) { return (pid_t)syscall(SYS_getpid); }

static void raise_peak(int64_t now) {
  int64_t seen = __atomic_load_n(&peak, __ATOMIC_RELAXED);
  while (now > seen &&
         !__atomic_compare_exchange_n(&peak, &seen, now, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
}

static void add_live(int64_t delta) {
  int64_t now = __atomic_add_fetch(&live, delta, __ATOMIC_RELAXED);
  if (delta > 0) raise_peak(now);
}

void golden_alloc_note(enum golden_alloc_kind kind, size_t requested, size_t usable) {
  __atomic_add_fetch(&calls[kind], 1, __ATOMIC_RELAXED);
  __atomic_add_fetch(&bytes, requested, __ATOMIC_RELAXED);
  if (usable) add_live((int64_t)usable);
}

void golden_alloc_note_free(size_t usable) {
  __atomic_add_fetch(&frees, 1, __ATOMIC_RELAXED);
  __atomic_add_fetch(&freed_bytes, usable, __ATOMIC_RELAXED);
  add_live(-(int64_t)usable);
}

void golden_alloc_note_realloc(enum golden_alloc_kind kind, size_t requested, size_t before,
                               size_t after) {
  __atomic_add_fetch(&calls[kind], 1, __ATOMIC_RELAXED);
  __atomic_add_fetch(&bytes, requested, __ATOMIC_RELAXED);
  if (after < before) __atomic_add_fetch(&freed_bytes, before - after, __ATOMIC_RELAXED);
  add_live((int64_t)after - (int64_t)before);
}

/* The library's own syscall, not libc's syscall(): a program may wrap that one. */
static long marker(long op, const char* message, size_t length) {
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"((long)kMarkerSyscall), "D"(op), "S"(message), "d"(length)
                   : "rcx", "r11", "memory");
  return ret;
}

static void restart_counts(void) {
  for (int i = 0; i < GOLDEN_ALLOC_KINDS; ++i) __atomic_store_n(&calls[i], 0, __ATOMIC_RELAXED);
  __atomic_store_n(&frees, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&bytes, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&freed_bytes, 0, __ATOMIC_RELAXED);
  /* What is live stays live (a fork child inherits the heap; a failed exec keeps it). */
  __atomic_store_n(&peak, __atomic_load_n(&live, __ATOMIC_RELAXED), __ATOMIC_RELAXED);
}

void golden_alloc_report(const char* at) {
  /* Allocations can come before our constructor (libc's own start-up). */
  if (owner == 0) owner = current_pid();
  if (current_pid() != owner) return;
  /* snprintf into a stack buffer: no allocation while reporting allocations. */
  char message[640];
  int n = snprintf(message, sizeof message, "golden.alloc");
  for (int i = 0; i < GOLDEN_ALLOC_KINDS && n < (int)sizeof message; ++i)
    n += snprintf(message + n, sizeof message - (size_t)n, " %s=%llu", kNames[i],
                  (unsigned long long)__atomic_load_n(&calls[i], __ATOMIC_RELAXED));
  if (n < (int)sizeof message)
    n += snprintf(message + n, sizeof message - (size_t)n,
                  " free=%llu bytes=%llu freed_bytes=%llu live_bytes=%lld peak_live_bytes=%lld at=%s",
                  (unsigned long long)__atomic_load_n(&frees, __ATOMIC_RELAXED),
                  (unsigned long long)__atomic_load_n(&bytes, __ATOMIC_RELAXED),
                  (unsigned long long)__atomic_load_n(&freed_bytes, __ATOMIC_RELAXED),
                  (long long)__atomic_load_n(&live, __ATOMIC_RELAXED),
                  (long long)__atomic_load_n(&peak, __ATOMIC_RELAXED), at);
  if (n >= (int)sizeof message) n = (int)sizeof message - 1;
  marker(kMarkerAnnotation, message, (size_t)n);
  restart_counts();
}

static void after_fork_in_child(void) {
  owner = current_pid();
  restart_counts();
}

__attribute__((constructor)) static void start(void) {
  owner = current_pid();
  pthread_atfork(NULL, NULL, after_fork_in_child);
}

/* Runs from exit() (after the program's atexit handlers): the process's final count. */
__attribute__((destructor)) static void finish(void) { golden_alloc_report("exit"); }
