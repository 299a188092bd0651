/* Per-span allocation figures (SPEC §9): golden's instrumentation opens and closes spans
 * with the marker syscall through libc's syscall(); this wrapper notices them, tells the
 * counters, and forwards every call unchanged. (A program issuing the marker with its
 * own `syscall` instruction still gets its spans traced, just without these figures.) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdarg.h>
#include <string.h>

#include "alloc_counters.h"

enum { kMarkerSyscall = 0x601d, kSpanOpen = 1, kSpanClose = 2, kMaxMessage = 4096 };

typedef long (*syscall_fn)(long, ...);
static syscall_fn real_syscall;

__attribute__((constructor)) static void look_up(void) {
  void* sym = dlsym(RTLD_NEXT, "syscall");
  memcpy(&real_syscall, &sym, sizeof sym);
}

long syscall(long number, ...) {
  va_list ap;
  va_start(ap, number);
  /* The kernel takes six register arguments; reading six is what libc's syscall does. */
  long a[6];
  for (int i = 0; i < 6; ++i) a[i] = va_arg(ap, long);
  va_end(ap);
  if (number == kMarkerSyscall && a[1] != 0 && a[2] >= 0 && a[2] <= kMaxMessage) {
    if (a[0] == kSpanOpen) golden_alloc_span_open((const char*)a[1], (size_t)a[2]);
    /* Report before forwarding the close, so the figures fall inside the span. */
    if (a[0] == kSpanClose) golden_alloc_span_close((const char*)a[1], (size_t)a[2]);
  }
  if (real_syscall == NULL) look_up();
  return real_syscall(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}
