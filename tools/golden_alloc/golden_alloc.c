/* libgolden_alloc.so: counts a process's heap allocations, injected with LD_PRELOAD by
 * `golden capture --track-alloc` (SPEC §9, memory_usage tracking_mode = "allocations").
 *
 * Every allocation entry point is wrapped and forwarded to the next definition
 * (dlsym RTLD_NEXT), so a program keeps its own allocator (glibc, or a preloaded
 * jemalloc) and behaves as before. Counters: calls per function, requested bytes, and
 * live bytes (the allocator's usable size of the blocks not yet freed) with their peak.
 *
 * At process exit, and just before an exec replaces the image, the counters are sent
 * through golden's marker syscall as one annotation (golden/model/marker.hpp):
 *   golden.alloc malloc=N calloc=N ... free=N bytes=N freed_bytes=N live_bytes=N
 *                peak_live_bytes=N at=exit|exec
 * Untraced, the marker fails with ENOSYS and costs nothing else. A failed exec resets
 * the counters, so the reports of one process add up without counting anything twice.
 *
 * Written in C with no dependency but libc/libdl: it runs inside arbitrary programs. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "alloc_counters.h"

/* ---- the allocator we forward to ---------------------------------------------------- */

typedef void* (*malloc_fn)(size_t);
typedef void* (*calloc_fn)(size_t, size_t);
typedef void* (*realloc_fn)(void*, size_t);
typedef void (*free_fn)(void*);
typedef int (*posix_memalign_fn)(void**, size_t, size_t);
typedef void* (*aligned_alloc_fn)(size_t, size_t);
typedef void* (*valloc_fn)(size_t);
typedef size_t (*usable_fn)(void*);

static struct {
  malloc_fn malloc;
  calloc_fn calloc;
  realloc_fn realloc;
  free_fn free;
  posix_memalign_fn posix_memalign;
  aligned_alloc_fn aligned_alloc;
  aligned_alloc_fn memalign;
  valloc_fn valloc;
  valloc_fn pvalloc;
  usable_fn usable;
} next;

/* dlsym itself may allocate (its error buffer) before `next` is filled in: those few
 * requests are served from a static arena and never freed. */
enum { kBootHeader = 16 };
static _Alignas(64) char boot_arena[64 * 1024];
static size_t boot_used;
static int resolving;

static int in_boot_arena(const void* p) {
  return (const char*)p >= boot_arena && (const char*)p < boot_arena + sizeof boot_arena;
}

static void* boot_alloc(size_t size) {
  /* A 16-byte header holding the size lets realloc copy out of the arena; it also
   * keeps the blocks 16-byte aligned like malloc's. */
  size_t need = (size + kBootHeader + 15) & ~(size_t)15;
  if (size > sizeof boot_arena) return NULL;
  size_t at = __atomic_fetch_add(&boot_used, need, __ATOMIC_RELAXED);
  if (at + need > sizeof boot_arena) return NULL;
  char* block = boot_arena + at;
  *(size_t*)block = size;
  return block + kBootHeader;
}

/* ISO C has no object-to-function pointer conversion; POSIX guarantees this one. */
#define LOOKUP(field, name)                   \
  do {                                        \
    void* sym_ = dlsym(RTLD_NEXT, name);       \
    memcpy(&next.field, &sym_, sizeof sym_);     \
  } while (0)

static void resolve(void) {
  if (__atomic_load_n(&next.malloc, __ATOMIC_ACQUIRE) || resolving) return;
  resolving = 1;
  LOOKUP(calloc, "calloc");
  LOOKUP(realloc, "realloc");
  LOOKUP(free, "free");
  LOOKUP(posix_memalign, "posix_memalign");
  LOOKUP(aligned_alloc, "aligned_alloc");
  LOOKUP(memalign, "memalign");
  LOOKUP(valloc, "valloc");
  LOOKUP(pvalloc, "pvalloc");
  LOOKUP(usable, "malloc_usable_size");
  /* Last: a non-null next.malloc tells every entry point that resolution is done. */
  void* sym = dlsym(RTLD_NEXT, "malloc");
  malloc_fn found;
  memcpy(&found, &sym, sizeof sym);
  __atomic_store_n(&next.malloc, found, __ATOMIC_RELEASE);
  resolving = 0;
}

static int ready(void) {
  if (__atomic_load_n(&next.malloc, __ATOMIC_ACQUIRE)) return 1;
  resolve();
  return __atomic_load_n(&next.malloc, __ATOMIC_ACQUIRE) != NULL;
}

static size_t usable(void* p) { return p && next.usable ? next.usable(p) : 0; }

/* ---- entry points ------------------------------------------------------------------- */

void* malloc(size_t size) {
  if (!ready()) return boot_alloc(size);
  void* p = next.malloc(size);
  golden_alloc_note(GOLDEN_ALLOC_MALLOC, size, p ? usable(p) : 0);
  return p;
}

void* calloc(size_t nmemb, size_t size) {
  if (!ready()) return boot_alloc(nmemb * size); /* the arena is zero-filled and never reused */
  void* p = next.calloc(nmemb, size);
  golden_alloc_note(GOLDEN_ALLOC_CALLOC, nmemb * size, p ? usable(p) : 0);
  return p;
}

void free(void* p) {
  if (!p || in_boot_arena(p)) return;
  if (!ready()) return; /* cannot happen: p came from a resolved allocator */
  golden_alloc_note_free(usable(p));
  next.free(p);
}

void* realloc(void* p, size_t size) {
  if (p && in_boot_arena(p)) {
    size_t old = *(size_t*)((char*)p - kBootHeader);
    void* q = malloc(size);
    if (q) memcpy(q, p, old < size ? old : size);
    return q;
  }
  if (!ready()) return boot_alloc(size);
  size_t before = usable(p);
  void* q = next.realloc(p, size);
  /* realloc(p, 0) frees p and may return NULL; a failed realloc leaves p as it was. */
  if (q)
    golden_alloc_note_realloc(GOLDEN_ALLOC_REALLOC, size, before, usable(q));
  else if (p && size == 0)
    golden_alloc_note_realloc(GOLDEN_ALLOC_REALLOC, 0, before, 0);
  else
    golden_alloc_note_realloc(GOLDEN_ALLOC_REALLOC, size, before, before);
  return q;
}

void* reallocarray(void* p, size_t nmemb, size_t size) {
  size_t total;
  if (__builtin_mul_overflow(nmemb, size, &total)) {
    errno = ENOMEM;
    return NULL;
  }
  if (!ready()) return NULL;
  size_t before = usable(p);
  void* q = next.realloc(p, total);
  if (q)
    golden_alloc_note_realloc(GOLDEN_ALLOC_REALLOCARRAY, total, before, usable(q));
  else if (p && total == 0)
    golden_alloc_note_realloc(GOLDEN_ALLOC_REALLOCARRAY, 0, before, 0);
  else
    golden_alloc_note_realloc(GOLDEN_ALLOC_REALLOCARRAY, total, before, before);
  return q;
}

int posix_memalign(void** out, size_t alignment, size_t size) {
  if (!ready()) return ENOMEM;
  int rc = next.posix_memalign(out, alignment, size);
  golden_alloc_note(GOLDEN_ALLOC_POSIX_MEMALIGN, size, rc == 0 ? usable(*out) : 0);
  return rc;
}

void* aligned_alloc(size_t alignment, size_t size) {
  if (!ready()) return NULL;
  void* p = next.aligned_alloc(alignment, size);
  golden_alloc_note(GOLDEN_ALLOC_ALIGNED_ALLOC, size, p ? usable(p) : 0);
  return p;
}

void* memalign(size_t alignment, size_t size) {
  if (!ready()) return NULL;
  void* p = next.memalign(alignment, size);
  golden_alloc_note(GOLDEN_ALLOC_MEMALIGN, size, p ? usable(p) : 0);
  return p;
}

void* valloc(size_t size) {
  if (!ready()) return NULL;
  void* p = next.valloc(size);
  golden_alloc_note(GOLDEN_ALLOC_VALLOC, size, p ? usable(p) : 0);
  return p;
}

void* pvalloc(size_t size) {
  if (!ready() || !next.pvalloc) return NULL;
  void* p = next.pvalloc(size);
  golden_alloc_note(GOLDEN_ALLOC_PVALLOC, size, p ? usable(p) : 0);
  return p;
}
