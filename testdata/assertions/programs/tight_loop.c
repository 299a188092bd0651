/* Busy polling: reads an empty non-blocking pipe 3000 times (EAGAIN each time) before
 * the data it waits for is written. */
#include <errno.h>
#include <fcntl.h>

#include "programs.h"

int main(void) {
  int p[2];
  CHECK(pipe2(p, O_NONBLOCK) == 0);
  char c;
  int spins = 0;
  while (read(p[0], &c, 1) < 0 && errno == EAGAIN) {
    if (++spins == 3000) CHECK(write(p[1], "!", 1) == 1);
  }
  return c == '!' ? 0 : 1;
}
