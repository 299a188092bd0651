// Conformance tracee: memory — mmap/mprotect/munmap/mremap, madvise advice, mlock and
// mlockall flags, msync, mincore, brk, membarrier, memfd.
#include "conformance.h"

#include <linux/membarrier.h>
#include <sys/mman.h>

int main(void) {
  size_t page = 4096;
  char* p = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(p, page, PROT_READ);
  madvise(p, page, MADV_DONTNEED);
  madvise(p, page, MADV_WILLNEED);
  madvise(p, 2 * page, MADV_SEQUENTIAL);
  madvise(p, page, MADV_DONTFORK);
  madvise(p, page, MADV_HUGEPAGE);
  madvise(p, page, MADV_FREE);
  madvise(p, page, 12345);
  posix_madvise(p, page, POSIX_MADV_RANDOM);
  mlock(p, page);
  munlock(p, page);
  mlockall(MCL_CURRENT | MCL_FUTURE);
  munlockall();
  mlockall(MCL_CURRENT | MCL_ONFAULT);
  munlockall();
  syscall(SYS_mlock2, p, page, MLOCK_ONFAULT);
  munlock(p, page);
  msync(p, page, MS_SYNC | MS_INVALIDATE);
  unsigned char vec[4];
  mincore(p, 4 * page, vec);
  char* q = mremap(p, 4 * page, 8 * page, MREMAP_MAYMOVE);
  munmap(q, 8 * page);
  void* cur = sbrk(0);
  brk((char*)cur + page);
  syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
  syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0);
  int m = memfd_create("conf", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  ftruncate(m, page);
  char* shared = mmap(NULL, page, PROT_READ, MAP_SHARED, m, 0);
  munmap(shared, page);
  close(m);
  mmap(NULL, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  mmap((void*)0x10000000, page, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  mprotect(p, page, PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN);
  return 0;
}
