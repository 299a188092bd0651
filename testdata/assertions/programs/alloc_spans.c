/* Instrumented spans with different heap needs: "parse" holds 8 MiB at once, "render"
 * a few small blocks. The preload library reports each span's figures at its close. */
#include "programs.h"

int main(void) {
  span(kSpanOpen, "parse");
  char* blocks[8];
  for (int i = 0; i < 8; ++i) {
    blocks[i] = malloc(1u << 20);
    CHECK(blocks[i] != NULL);
    memset(blocks[i], i, 1u << 20);
  }
  for (int i = 0; i < 8; ++i) free(blocks[i]);
  span(kSpanClose, "parse");
  span(kSpanOpen, "render");
  for (int i = 0; i < 4; ++i) {
    char* p = malloc(100);
    CHECK(p != NULL);
    free(p);
  }
  span(kSpanClose, "render");
  return 0;
}
