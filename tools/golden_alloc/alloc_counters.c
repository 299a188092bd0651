/* Counters of libgolden_alloc.so: lock-free (relaxed atomics: each figure is exact,
 * they are only read together at exit), per process (reset in a fork child). */
#define _GNU_SOURCE
#include "alloc_counters.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
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

static pid_t current_pid(void) { return getpid(); /* not cached by glibc >= 2.25 */ }

/* Per-thread figures for user spans: what this thread allocated, and the highest
 * process-wide live total it saw while each open span was open. Initial-exec TLS: the
 * library is preloaded, so its TLS is in the static block and costs a plain load. */
enum { kMaxSpanDepth = 64, kMaxSpanName = 64 };
struct open_span {
  char name[kMaxSpanName];
  uint64_t allocations, frees, bytes; /* this thread's totals when it opened */
  int64_t live_at_open;
  int64_t peak; /* highest live total seen by this thread since */
};
static __thread __attribute__((tls_model("initial-exec"))) uint64_t thread_allocations;
static __thread __attribute__((tls_model("initial-exec"))) uint64_t thread_frees;
static __thread __attribute__((tls_model("initial-exec"))) uint64_t thread_bytes;
static __thread __attribute__((tls_model("initial-exec"))) struct open_span spans[kMaxSpanDepth];
static __thread __attribute__((tls_model("initial-exec"))) int span_depth;

static void raise_peak(int64_t now) {
  int64_t seen = __atomic_load_n(&peak, __ATOMIC_RELAXED);
  while (now > seen &&
         !__atomic_compare_exchange_n(&peak, &seen, now, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
}

static void add_live(int64_t delta) {
  int64_t now = __atomic_add_fetch(&live, delta, __ATOMIC_RELAXED);
  if (delta > 0) {
    raise_peak(now);
    if (span_depth > 0 && now > spans[span_depth - 1].peak) spans[span_depth - 1].peak = now;
  }
}

void golden_alloc_note(enum golden_alloc_kind kind, size_t requested, size_t usable) {
  ++thread_allocations;
  thread_bytes += requested;
  __atomic_add_fetch(&calls[kind], 1, __ATOMIC_RELAXED);
  __atomic_add_fetch(&bytes, requested, __ATOMIC_RELAXED);
  if (usable) add_live((int64_t)usable);
}

void golden_alloc_note_free(size_t usable) {
  ++thread_frees;
  __atomic_add_fetch(&frees, 1, __ATOMIC_RELAXED);
  __atomic_add_fetch(&freed_bytes, usable, __ATOMIC_RELAXED);
  add_live(-(int64_t)usable);
}

void golden_alloc_note_realloc(enum golden_alloc_kind kind, size_t requested, size_t before,
                               size_t after) {
  ++thread_allocations;
  thread_bytes += requested;
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

/* Span names go into a key=value message: keep them one token. */
static void copy_name(char* out, const char* name, size_t length) {
  if (length >= kMaxSpanName) length = kMaxSpanName - 1;
  for (size_t i = 0; i < length; ++i) {
    const char c = name[i];
    out[i] = (c == ' ' || c == '=' || c == '\t' || c == '\n' || c == '\r' || c == '\0') ? '_' : c;
  }
  out[length] = '\0';
}

void golden_alloc_span_open(const char* name, size_t length) {
  if (span_depth >= kMaxSpanDepth) {
    ++span_depth; /* too deep to follow: counted so the closes still pair up */
    return;
  }
  struct open_span* s = &spans[span_depth++];
  copy_name(s->name, name, length);
  s->allocations = thread_allocations;
  s->frees = thread_frees;
  s->bytes = thread_bytes;
  s->live_at_open = __atomic_load_n(&live, __ATOMIC_RELAXED);
  s->peak = s->live_at_open;
}

void golden_alloc_span_close(const char* name, size_t length) {
  if (span_depth == 0) return;
  if (span_depth > kMaxSpanDepth) {
    --span_depth;
    return;
  }
  char key[kMaxSpanName];
  copy_name(key, name, length);
  /* The innermost open span of that name (an unclosed inner one is dropped with it). */
  int at = span_depth - 1;
  while (at >= 0 && strcmp(spans[at].name, key) != 0) --at;
  if (at < 0) return;
  const struct open_span* s = &spans[at];
  char message[256];
  int n = snprintf(message, sizeof message,
                   "golden.alloc span=%s allocations=%llu frees=%llu bytes=%llu "
                   "peak_growth_bytes=%lld at=span",
                   s->name, (unsigned long long)(thread_allocations - s->allocations),
                   (unsigned long long)(thread_frees - s->frees),
                   (unsigned long long)(thread_bytes - s->bytes),
                   (long long)(s->peak - s->live_at_open));
  if (n >= (int)sizeof message) n = (int)sizeof message - 1;
  if (n > 0) marker(kMarkerAnnotation, message, (size_t)n);
  /* The enclosing span saw everything this one saw. */
  if (at > 0 && spans[at].peak > spans[at - 1].peak) spans[at - 1].peak = spans[at].peak;
  span_depth = at;
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
