// Small helpers over libdwarf's DIE API (20210528 and later): errors that are freed,
// address ranges of a DIE in every form DWARF 2-5 gives them, and function names
// through DW_AT_abstract_origin / DW_AT_specification. Internal to golden::source.
#pragma once

#include <dwarf.h>
#include <libdwarf.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace golden::source::dw {

// A Dwarf_Error slot that frees what libdwarf put in it. libdwarf aborts the process on
// an error when it has neither an error pointer nor a handler, so every call gets one.
class ErrorSlot {
 public:
  explicit ErrorSlot(Dwarf_Debug dbg) : dbg_(dbg) {}
  ~ErrorSlot() { clear(); }
  ErrorSlot(const ErrorSlot&) = delete;
  ErrorSlot& operator=(const ErrorSlot&) = delete;
  Dwarf_Error* get() {
    clear();
    return &error_;
  }
  void clear() {
    if (error_ != nullptr) {
      dwarf_dealloc(dbg_, error_, DW_DLA_ERROR);
      error_ = nullptr;
    }
  }

 private:
  Dwarf_Debug dbg_;
  Dwarf_Error error_ = nullptr;
};

// Frees a DIE when it goes out of scope.
class DieHolder {
 public:
  explicit DieHolder(Dwarf_Die die = nullptr) : die_(die) {}
  ~DieHolder() {
    if (die_ != nullptr) dwarf_dealloc_die(die_);
  }
  DieHolder(const DieHolder&) = delete;
  DieHolder& operator=(const DieHolder&) = delete;
  DieHolder(DieHolder&& o) noexcept : die_(o.die_) { o.die_ = nullptr; }
  DieHolder& operator=(DieHolder&& o) noexcept {
    if (this != &o) {
      if (die_ != nullptr) dwarf_dealloc_die(die_);
      die_ = o.die_;
      o.die_ = nullptr;
    }
    return *this;
  }
  Dwarf_Die get() const { return die_; }
  Dwarf_Die* out() { return &die_; }

 private:
  Dwarf_Die die_;
};

struct Range {
  std::uint64_t lo = 0, hi = 0;  // [lo, hi)
};

// What range lists are read relative to.
struct UnitContext {
  Dwarf_Debug dbg = nullptr;
  int version = 4;
  std::uint64_t base = 0;  // the CU's DW_AT_low_pc (base of DWARF 2-4 range lists)
};

// DW_AT_low_pc/high_pc (high as an address or an offset) or DW_AT_ranges; empty when the
// DIE covers no code (a declaration, an abstract instance).
std::vector<Range> die_ranges(const UnitContext& unit, Dwarf_Die die, ErrorSlot& err);

// The DIE's tag, 0 when unreadable.
Dwarf_Half die_tag(Dwarf_Die die, ErrorSlot& err);

// An unsigned constant attribute (DW_AT_call_line...), 0 when absent.
std::uint64_t die_udata(Dwarf_Die die, Dwarf_Half attribute, ErrorSlot& err);

// A string attribute (DW_AT_comp_dir...), "" when absent.
std::string die_string(Dwarf_Die die, Dwarf_Half attribute, ErrorSlot& err);

// Function names (readable_function_name) per DIE offset, following abstract origins and
// specifications, cached: an inlined function's name is looked up once per image.
class NameResolver {
 public:
  explicit NameResolver(Dwarf_Debug dbg) : dbg_(dbg) {}
  std::string name_of(Dwarf_Die die, ErrorSlot& err, int depth = 0);

 private:
  std::string name_at(Dwarf_Off offset, ErrorSlot& err, int depth);
  Dwarf_Debug dbg_;
  std::unordered_map<Dwarf_Off, std::string> by_offset_;
};

}  // namespace golden::source::dw
