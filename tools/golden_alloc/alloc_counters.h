/* The counters of libgolden_alloc.so and their report through the marker syscall. */
#pragma once

#include <stddef.h>

enum golden_alloc_kind {
  GOLDEN_ALLOC_MALLOC,
  GOLDEN_ALLOC_CALLOC,
  GOLDEN_ALLOC_REALLOC,
  GOLDEN_ALLOC_REALLOCARRAY,
  GOLDEN_ALLOC_POSIX_MEMALIGN,
  GOLDEN_ALLOC_ALIGNED_ALLOC,
  GOLDEN_ALLOC_MEMALIGN,
  GOLDEN_ALLOC_VALLOC,
  GOLDEN_ALLOC_PVALLOC,
  GOLDEN_ALLOC_KINDS
};

/* A new block: `requested` bytes asked for, `usable` bytes it really holds (0: failed). */
void golden_alloc_note(enum golden_alloc_kind kind, size_t requested, size_t usable);
/* A block of `usable` bytes about to be freed. */
void golden_alloc_note_free(size_t usable);
/* A resize: `before` usable bytes became `after` (0: freed, or failed with p NULL). */
void golden_alloc_note_realloc(enum golden_alloc_kind kind, size_t requested, size_t before,
                               size_t after);

/* A user span opened / closed on this thread (golden's marker syscall went through
 * libc's syscall(); span_hooks.c). At the close, the span's own figures are reported:
 *   golden.alloc span=NAME allocations=N frees=N bytes=N peak_growth_bytes=N at=span
 * counted on the calling thread (allocations by other threads meanwhile are not its). */
void golden_alloc_span_open(const char* name, size_t length);
void golden_alloc_span_close(const char* name, size_t length);

/* Sends the counters as a golden.alloc annotation (`at` = "exit" or "exec") and starts
 * a fresh count, unless this is a vfork child sharing its parent's counters. */
void golden_alloc_report(const char* at);
