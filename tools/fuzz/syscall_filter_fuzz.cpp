// The -e trace= expression: SyscallFilter::parse on any text ends in a filter or an Error
// (names, classes, numbers, "/regex" as strace); a filter that parses also builds its
// seccomp program, as golden capture would.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "golden/syscalls/filter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto filter = golden::SyscallFilter::parse(text);
  if (!filter) return 0;
  (void)filter->traces(0);
  (void)filter->seccomp_program();
  return 0;
}
