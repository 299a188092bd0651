// TraceeMemory over process_vm_readv(2): one syscall per bulk read, instead of a
// PTRACE_PEEKDATA round trip per word (PERF-NOTES.md).
#pragma once

#include "golden/decode/decoder.hpp"
#include "golden/model/ids.hpp"

namespace golden::rec {

class ProcessVmMemory final : public TraceeMemory {
 public:
  explicit ProcessVmMemory(Tid tid) : tid_(tid) {}
  // read_string is TraceeMemory's (page-bounded reads through this read).
  std::size_t read(RemoteAddr addr, void* out, std::size_t size) override;

 private:
  Tid tid_;
};

}  // namespace golden::rec
