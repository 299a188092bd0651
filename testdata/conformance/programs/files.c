// Conformance tracee: file descriptors and file I/O (open, read/write family, seek,
// dup, fcntl, flock, truncate, sync, sendfile/copy_file_range/splice).
#include "conformance.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/sendfile.h>
#include <sys/uio.h>

int main(void) {
  int fd = open("data.txt", O_CREAT | O_RDWR | O_TRUNC | O_CLOEXEC, 0640);
  write(fd, "0123456789abcdef\n", 17);
  pwrite(fd, "XY", 2, 4);
  lseek(fd, 0, SEEK_SET);
  char buf[64];
  read(fd, buf, 5);
  pread(fd, buf, 8, 2);
  struct iovec iov[2] = {{buf, 3}, {buf + 3, 4}};
  readv(fd, iov, 2);
  struct iovec wiov[2] = {{"ab", 2}, {"cd\n", 3}};
  writev(fd, wiov, 2);
  preadv(fd, iov, 2, 1);
  pwritev(fd, wiov, 2, 20);
  lseek(fd, -3, SEEK_END);
  lseek(fd, 0, SEEK_CUR);
  int d = dup(fd);
  dup2(fd, 10);
  dup3(fd, 11, O_CLOEXEC);
  fcntl(fd, F_GETFD);
  fcntl(fd, F_SETFD, FD_CLOEXEC);
  fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK);
  fcntl(fd, F_DUPFD, 20);
  fcntl(fd, F_DUPFD_CLOEXEC, 30);
  struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 4};
  fcntl(fd, F_SETLK, &fl);
  fcntl(fd, F_GETLK, &fl);
  flock(fd, LOCK_EX | LOCK_NB);
  flock(fd, LOCK_UN);
  ftruncate(fd, 10);
  truncate("data.txt", 12);
  fsync(fd);
  fdatasync(fd);
  syncfs(fd);
  posix_fadvise(fd, 0, 100, POSIX_FADV_SEQUENTIAL);
  fallocate(fd, 0, 0, 4096);
  int out = openat(AT_FDCWD, "copy.txt", O_WRONLY | O_CREAT | O_EXCL, 0600);
  off_t off = 0;
  sendfile(out, fd, &off, 5);
  loff_t in_off = 0;
  copy_file_range(fd, &in_off, out, NULL, 4, 0);
  int p[2];
  pipe2(p, O_CLOEXEC);
  write(p[1], "pipe", 4);
  splice(p[0], NULL, out, NULL, 4, SPLICE_F_MOVE);
  close(p[0]);
  close(p[1]);
  pipe(p);
  close(p[0]);
  close(p[1]);
  close(out);
  close(d);
  close(10);
  close(11);
  // failures: errnos and bad fds
  open("missing/file", O_RDONLY);
  openat(AT_FDCWD, "data.txt", O_WRONLY | O_CREAT | O_EXCL, 0644);
  read(-1, buf, 1);
  write(99, "x", 1);
  close(12345);
  creat("created.txt", 0600);
  openat(fd, "x", O_RDONLY);
  open(".", O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  open("data.txt", O_WRONLY | O_APPEND | O_SYNC | O_NOATIME);
  open("/dev/null", O_RDWR | O_NOCTTY | O_LARGEFILE);
  close(fd);
  return 0;
}
