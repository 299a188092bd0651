// One image's DWARF (libdwarf), indexed for address lookups: at open, the address
// ranges of every compile unit; at the first lookup inside a CU, its line table and its
// functions with their inlined calls. DWARF 2 to 5, .debug_ranges and .debug_rnglists,
// compressed sections (SHF_COMPRESSED, .zdebug) as libdwarf reads them. No libdwarf type
// leaves this file's implementation.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace golden::source {

// A logical frame of one address: an inlined call or the function that holds it.
struct ResolvedFrame {
  std::string file;  // "" when no line covers the address
  int line = 0;
  std::string function;  // "" when no function DIE covers it
  bool inlined = false;  // an inlined call; the next frame is the function it sits in
  friend bool operator==(const ResolvedFrame&, const ResolvedFrame&) = default;
};

class DwarfIndex {
 public:
  // nullptr when libdwarf cannot read the file's DWARF.
  static std::unique_ptr<DwarfIndex> open(const std::string& path);
  ~DwarfIndex();
  DwarfIndex(const DwarfIndex&) = delete;
  DwarfIndex& operator=(const DwarfIndex&) = delete;

  // The frames at link-time address `pc`, innermost inlined call first, the function
  // that contains them last. Empty when no compile unit covers `pc`.
  std::vector<ResolvedFrame> lookup(std::uint64_t pc);

  std::size_t compile_units() const;
  std::size_t loaded_units() const;

 private:
  struct Impl;
  explicit DwarfIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace golden::source
