// Conformance tracee: names and metadata — stat family, access, chmod/chown, times,
// directories (a name holding a newline: issue 12, item 6), links, renames, xattrs.
#include "conformance.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <utime.h>

int main(void) {
  mkdir("dir", 0755);
  mkdirat(AT_FDCWD, "dir/sub", 0700);
  int fd = open("dir/line\nbreak", O_CREAT | O_WRONLY, 0644);
  write(fd, "x", 1);
  close(fd);
  fd = open("dir", O_RDONLY | O_DIRECTORY);
  char ents[4096];
  syscall(SYS_getdents64, fd, ents, sizeof ents);
  syscall(SYS_getdents64, fd, ents, sizeof ents);
  lseek(fd, 0, SEEK_SET);
  syscall(SYS_getdents, fd, ents, sizeof ents);
  struct stat st;
  fstat(fd, &st);
  fchdir(fd);
  close(fd);
  chdir("..");
  char cwd[256];
  getcwd(cwd, sizeof cwd);
  stat("dir/line\nbreak", &st);
  lstat("dir", &st);
  fstatat(AT_FDCWD, "dir/sub", &st, AT_SYMLINK_NOFOLLOW);
  struct statx stx;
  statx(AT_FDCWD, "dir", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, &stx);
  statx(AT_FDCWD, "nope", 0, STATX_MODE | STATX_SIZE, &stx);
  stat("/dev/null", &st);
  struct statfs sfs;
  statfs(".", &sfs);
  access("dir", R_OK | W_OK);
  access("nope", F_OK);
  faccessat(AT_FDCWD, "dir", X_OK, AT_EACCESS);
  syscall(SYS_faccessat2, AT_FDCWD, "dir", R_OK, AT_SYMLINK_NOFOLLOW);
  chmod("dir", 0750);
  fchmodat(AT_FDCWD, "dir", 01777, 0);
  chown("dir", 0, 0);
  lchown("dir", -1, 0);
  fchownat(AT_FDCWD, "dir", 0, -1, AT_SYMLINK_NOFOLLOW);
  struct timespec times[2] = {{1, 2}, {3, UTIME_OMIT}};
  utimensat(AT_FDCWD, "dir", times, 0);
  utimensat(AT_FDCWD, "dir", NULL, AT_SYMLINK_NOFOLLOW);
  struct timeval tvs[2] = {{5, 6}, {7, 8}};
  utimes("dir", tvs);
  struct utimbuf ub = {9, 10};
  utime("dir", &ub);
  symlink("dir", "link");
  char target[64];
  readlink("link", target, sizeof target);
  readlinkat(AT_FDCWD, "link", target, 2);
  link("dir/line\nbreak", "hard");
  linkat(AT_FDCWD, "hard", AT_FDCWD, "hard2", 0);
  rename("hard2", "hard3");
  renameat(AT_FDCWD, "hard3", AT_FDCWD, "hard4");
  syscall(SYS_renameat2, AT_FDCWD, "hard4", AT_FDCWD, "hard", RENAME_NOREPLACE);
  setxattr("hard", "user.k", "value", 5, XATTR_CREATE);
  char v[32];
  getxattr("hard", "user.k", v, sizeof v);
  getxattr("hard", "user.k", NULL, 0);
  listxattr("hard", v, sizeof v);
  removexattr("hard", "user.k");
  mknod("fifo", S_IFIFO | 0644, 0);
  mknodat(AT_FDCWD, "fifo2", S_IFIFO | 0600, 0);
  umask(027);
  unlink("fifo");
  unlinkat(AT_FDCWD, "fifo2", 0);
  unlink("link");
  unlink("hard");
  unlink("dir/line\nbreak");
  rmdir("dir/sub");
  unlinkat(AT_FDCWD, "dir", AT_REMOVEDIR);
  rmdir("nope");
  return 0;
}
