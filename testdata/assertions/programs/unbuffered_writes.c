/* Unbuffered output: 2000 one-byte writes to a file. */
#include <fcntl.h>

#include "programs.h"

int main(void) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/golden-assert-unbuffered-%d.txt", (int)getpid());
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  CHECK(fd >= 0);
  for (int i = 0; i < 2000; ++i) CHECK(write(fd, "abcdefghij" + i % 10, 1) == 1);
  CHECK(close(fd) == 0);
  CHECK(unlink(path) == 0);
  return 0;
}
