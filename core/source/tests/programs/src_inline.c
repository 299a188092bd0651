/* An inlined function at -O2: the openat is attributed to open_ro() (the innermost
   inlined function), its caller being read_settings(), the function it is inlined in. */
#include <fcntl.h>
#include <unistd.h>

static inline __attribute__((always_inline)) int open_ro(const char* p) {
  return open(p, O_RDONLY); /* LINE:inline-open */
}

__attribute__((noinline)) int read_settings(void) {
  int fd = open_ro("/golden-src-inline"); /* LINE:inline-call */
  return fd < 0 ? -1 : fd + 1;
}

int main(void) { return read_settings() > 0 ? 1 : 0; }
