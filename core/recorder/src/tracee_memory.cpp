#include "tracee_memory.hpp"

#include <sys/uio.h>

namespace golden::rec {

std::size_t ProcessVmMemory::read(RemoteAddr addr, void* out, std::size_t size) {
  if (size == 0 || addr.null()) return 0;
  std::size_t done = 0;
  // process_vm_readv stops at the first unreadable page and returns a partial count;
  // a call that starts on an unreadable page fails with EFAULT.
  while (done < size) {
    iovec local{static_cast<char*>(out) + done, size - done};
    iovec remote{reinterpret_cast<void*>(addr.value + done), size - done};
    const ssize_t n = ::process_vm_readv(tid_.value, &local, 1, &remote, 1, 0);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  return done;
}

}  // namespace golden::rec
