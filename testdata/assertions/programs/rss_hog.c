/* Touches 48 MiB, so its peak RSS is at least that. */
#include <sys/mman.h>

#include "programs.h"

int main(void) {
  const size_t size = 48u << 20;
  char* p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(p != MAP_FAILED);
  for (size_t i = 0; i < size; i += 4096) p[i] = 1;
  CHECK(munmap(p, size) == 0);
  return 0;
}
