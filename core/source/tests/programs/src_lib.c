/* Code in the user's own shared library (libsrcuser.so): the frame is in the library's
   image, resolved with the library's own debug info. */
#include <fcntl.h>
#include <unistd.h>

__attribute__((noinline)) int lib_open_data(const char* path) {
  int fd = open(path, O_RDONLY); /* LINE:lib-open */
  if (fd >= 0) close(fd);
  return fd;
}
