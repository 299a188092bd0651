/* Allocates 3 MiB, then execs the program given as argv[1]: the allocation library must
 * report this image's counters before the exec, and the new image's at its exit. */
#include "programs.h"

int main(int argc, char** argv) {
  CHECK(argc == 2);
  char* p = malloc(3u << 20);
  CHECK(p != NULL);
  memset(p, 1, 3u << 20);
  execl(argv[1], argv[1], (char*)NULL);
  return 98;
}
