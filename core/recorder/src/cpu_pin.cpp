#include "cpu_pin.hpp"

#include <sys/uio.h>

#include <algorithm>

namespace golden::rec {

std::optional<CpuPin> choose_cpu_pin() {
  CpuPin pin;
  if (::sched_getaffinity(0, sizeof pin.original, &pin.original) != 0) return std::nullopt;
  if (CPU_COUNT(&pin.original) < 2) return std::nullopt;
  pin.cpu = ::sched_getcpu();
  if (pin.cpu < 0 || pin.cpu >= CPU_SETSIZE || !CPU_ISSET(pin.cpu, &pin.original))
    return std::nullopt;
  return pin;
}

bool pin_to(int cpu) noexcept {
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(cpu, &one);
  return ::sched_setaffinity(0, sizeof one, &one) == 0;
}

ScopedThreadPin::ScopedThreadPin(const std::optional<CpuPin>& pin) {
  if (!pin || ::sched_getaffinity(0, sizeof saved_, &saved_) != 0) return;
  pinned_ = pin_to(pin->cpu);
}

ScopedThreadPin::~ScopedThreadPin() {
  if (pinned_) (void)::sched_setaffinity(0, sizeof saved_, &saved_);
}

bool show_original_affinity(Tid tid, std::uint64_t mask_addr, std::int64_t rval,
                            const CpuPin& pin) {
  // The kernel returns how many bytes of the mask it copied (a multiple of
  // sizeof(long), at most the caller's length); the same bytes of the original set
  // are what the untraced call would have copied.
  if (rval <= 0 || mask_addr == 0) return true;
  const std::size_t size =
      std::min(static_cast<std::size_t>(rval), sizeof pin.original);
  iovec local{const_cast<cpu_set_t*>(&pin.original), size};
  iovec remote{reinterpret_cast<void*>(mask_addr), size};
  return ::process_vm_writev(tid.value, &local, 1, &remote, 1, 0) ==
         static_cast<ssize_t>(size);
}

}  // namespace golden::rec
