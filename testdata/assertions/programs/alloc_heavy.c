/* 24 MiB live on the heap at once (24 blocks of 1 MiB), through malloc, calloc and
 * realloc, then all freed. */
#include "programs.h"

int main(void) {
  char* blocks[24];
  for (int i = 0; i < 24; ++i) {
    blocks[i] = i % 3 == 0 ? calloc(1, 1u << 20) : malloc(1u << 20);
    CHECK(blocks[i] != NULL);
    memset(blocks[i], i, 1u << 20);
  }
  blocks[0] = realloc(blocks[0], 2u << 20);
  CHECK(blocks[0] != NULL);
  for (int i = 0; i < 24; ++i) free(blocks[i]);
  return 0;
}
