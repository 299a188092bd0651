/* A retry storm: opens the same missing file 150 times (ENOENT each time). */
#include <errno.h>
#include <fcntl.h>

#include "programs.h"

int main(void) {
  int failures = 0;
  for (int i = 0; i < 150; ++i) {
    int fd = open("/nonexistent/golden-assert.lock", O_RDONLY);
    if (fd < 0 && errno == ENOENT) ++failures;
  }
  return failures == 150 ? 0 : 1;
}
