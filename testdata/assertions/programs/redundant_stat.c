/* Redundant I/O: stats the same, unchanging file 200 times. */
#include <sys/stat.h>

#include "programs.h"

int main(void) {
  struct stat st;
  long size = 0;
  for (int i = 0; i < 200; ++i) {
    CHECK(stat("/etc/hostname", &st) == 0);
    size += st.st_size;
  }
  return size > 0 ? 0 : 1;
}
