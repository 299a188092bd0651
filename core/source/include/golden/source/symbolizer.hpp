// Resolving addresses of an ELF file offline, without a running process: the same
// images, debug-file search and DWARF indexes the Correlator uses, for tools and tests
// ("which function and line is at this address of that binary?").
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden::source {

class Symbolizer {
 public:
  // `debug_dirs`: searched for separate debug files before $GOLDEN_DEBUG_DIRS and
  // /usr/lib/debug (see Options::debug_dirs).
  explicit Symbolizer(std::vector<std::string> debug_dirs = {});
  ~Symbolizer();
  Symbolizer(const Symbolizer&) = delete;
  Symbolizer& operator=(const Symbolizer&) = delete;

  // The frames at link-time `address` of the file at `path`, innermost inlined call
  // first (module = path, offset = address). Empty when nothing is known there.
  std::vector<SourceFrame> resolve(const std::string& path, std::uint64_t address);
  // The file holding `path`'s DWARF ("" when none): itself or a separate debug file.
  std::string debug_file(const std::string& path);
  // The link-time address of function symbol `name` (as the symbol table spells it).
  std::optional<std::uint64_t> symbol_address(const std::string& path, std::string_view name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace golden::source
