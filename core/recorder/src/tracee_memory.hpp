// TraceeMemory over process_vm_readv(2): one syscall per bulk read, instead of a
// PTRACE_PEEKDATA round trip per word (PERF-NOTES.md).
#pragma once

#include "golden/decode/decoder.hpp"
#include "golden/model/ids.hpp"

namespace golden::rec {

class ProcessVmMemory final : public TraceeMemory {
 public:
  explicit ProcessVmMemory(Tid tid) : tid_(tid) {}
  std::size_t read(RemoteAddr addr, void* out, std::size_t size) override;
  std::optional<std::string> read_string(RemoteAddr addr, std::size_t max,
                                         bool* truncated = nullptr) override;

 private:
  Tid tid_;
};

}  // namespace golden::rec
