/* A known syscall at a known line: openat(PATH) from load_config(), called by main().
   Built PIE and non-PIE, -O0 and -O2, DWARF 4 and 5, compressed, stripped with a
   separate debug file, and without debug info (core/source/tests/programs.cmake).
   The "LINE:" markers are found by the tests; keep each on its line. */
#include <fcntl.h>
#include <unistd.h>

__attribute__((noinline)) int load_config(const char* path) { /* LINE:basic-def */
  int fd = open(path, O_RDONLY); /* LINE:basic-open */
  if (fd >= 0) close(fd);
  return fd;
}

int main(int argc, char** argv) {
  int fd = load_config(argc > 1 ? argv[1] : "/golden-src-basic"); /* LINE:basic-call */
  return fd >= 0 ? 1 : 0;
}
