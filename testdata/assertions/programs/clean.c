/* A well-behaved program: one file written and read back in 4 KiB blocks, one line on
 * stdout. Every detector must stay silent on it. */
#include <fcntl.h>

#include "programs.h"

int main(void) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/golden-assert-clean-%d.txt", (int)getpid());
  char block[4096];
  memset(block, 'x', sizeof block);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  CHECK(fd >= 0);
  for (int i = 0; i < 4; ++i) CHECK(write(fd, block, sizeof block) == (ssize_t)sizeof block);
  CHECK(close(fd) == 0);
  fd = open(path, O_RDONLY);
  CHECK(fd >= 0);
  long total = 0;
  ssize_t n;
  while ((n = read(fd, block, sizeof block)) > 0) total += n;
  CHECK(close(fd) == 0);
  CHECK(unlink(path) == 0);
  char line[64];
  int len = snprintf(line, sizeof line, "read %ld bytes\n", total);
  CHECK(write(1, line, (size_t)len) == len);
  char* heap = malloc(1000);
  CHECK(heap != NULL);
  free(heap);
  return 0;
}
