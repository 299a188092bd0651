#include "dwarf_index.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "dwarf_die.hpp"

namespace golden::source {
namespace {

using dw::DieHolder;
using dw::ErrorSlot;
using dw::Range;

// A function with code, or an inlined call inside one.
struct Scope {
  std::vector<Range> ranges;
  std::string name;
  std::uint32_t call_file = 0;  // inlined: where the call is, in the enclosing scope
  int call_line = 0;
  std::vector<Scope> children;  // inlined calls (lexical blocks flattened away)

  bool covers(std::uint64_t pc) const {
    for (const Range& r : ranges)
      if (pc >= r.lo && pc < r.hi) return true;
    return false;
  }
};

struct LineRow {
  std::uint64_t address = 0;
  std::uint32_t file = 0;
  std::uint32_t line = 0;
  bool end_sequence = false;
};

struct FunctionSpan {
  std::uint64_t lo = 0, hi = 0;
  std::uint32_t function = 0;  // index in Unit::functions
};

struct Unit {
  Dwarf_Off die_offset = 0;
  dw::UnitContext context;
  bool loaded = false;
  std::vector<std::string> files;  // by file number (DWARF 5: from 0; earlier: from 1)
  std::vector<LineRow> rows;       // by address; an end_sequence row first at its address
  std::vector<Scope> functions;
  std::vector<FunctionSpan> spans;  // by lo
};

struct CuSpan {
  std::uint64_t lo = 0, hi = 0;
  std::uint32_t unit = 0;
};

// DIE tags that may hold code below them; everything else (types, variables...) is skipped
// without visiting its children.
bool may_hold_code(Dwarf_Half tag) {
  switch (tag) {
    case DW_TAG_compile_unit:
    case DW_TAG_partial_unit:
    case DW_TAG_skeleton_unit:
    case DW_TAG_namespace:
    case DW_TAG_module:
    case DW_TAG_class_type:
    case DW_TAG_structure_type:
    case DW_TAG_union_type:
    case DW_TAG_subprogram:
    case DW_TAG_lexical_block:
    case DW_TAG_inlined_subroutine:
      return true;
    default:
      return false;
  }
}

}  // namespace

struct DwarfIndex::Impl {
  Dwarf_Debug dbg = nullptr;
  std::vector<Unit> units;
  std::vector<CuSpan> spans;                             // by lo
  std::unordered_map<Dwarf_Off, std::uint32_t> unit_at;  // CU DIE offset -> units index
  bool scanned = false;  // every CU header read (not only .debug_aranges)
  std::optional<dw::NameResolver> names;

  ~Impl() {
    if (dbg != nullptr) {
      Dwarf_Error e = nullptr;
      dwarf_finish(dbg, &e);
    }
  }

  bool index_aranges();
  void index_units();
  std::uint32_t unit_for(Dwarf_Off die_offset);
  Unit* find_unit(std::uint64_t pc);
  void load(Unit& unit);
  void load_lines(Unit& unit, Dwarf_Die cu_die, ErrorSlot& err);
  void walk(Unit& unit, Dwarf_Die die, Scope* parent, ErrorSlot& err, int depth);
  const std::string& file_name(const Unit& unit, std::uint32_t number) const;
  std::vector<ResolvedFrame> lookup(std::uint64_t pc);
};

DwarfIndex::DwarfIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DwarfIndex::~DwarfIndex() = default;

std::unique_ptr<DwarfIndex> DwarfIndex::open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  Dwarf_Error e = nullptr;
  // No true-path buffer: libdwarf must not follow debuglinks itself (debug_search.cpp
  // chooses the file, with golden's roots).
  const int res = dwarf_init_path(path.c_str(), nullptr, 0, DW_DLC_READ, DW_GROUPNUMBER_ANY,
                                  nullptr, nullptr, &impl->dbg, nullptr, 0, nullptr, &e);
  if (res != DW_DLV_OK) {
    impl->dbg = nullptr;  // the error of a failed init has no Dwarf_Debug to free it with
    return nullptr;
  }
  impl->names.emplace(impl->dbg);
  // .debug_aranges (gcc writes it) maps addresses to CUs without reading any CU: a big
  // image (libc's debug file: ~1,700 CUs) is ready at once. Without it, every CU header.
  if (!impl->index_aranges()) impl->index_units();
  if (impl->units.empty()) return nullptr;
  return std::unique_ptr<DwarfIndex>(new DwarfIndex(std::move(impl)));
}

std::size_t DwarfIndex::compile_units() const {
  return impl_->units.size();
}

std::size_t DwarfIndex::loaded_units() const {
  return static_cast<std::size_t>(std::count_if(impl_->units.begin(), impl_->units.end(),
                                                [](const Unit& u) { return u.loaded; }));
}

std::vector<ResolvedFrame> DwarfIndex::lookup(std::uint64_t pc) {
  return impl_->lookup(pc);
}

std::uint32_t DwarfIndex::Impl::unit_for(Dwarf_Off die_offset) {
  auto [it, fresh] = unit_at.try_emplace(die_offset, static_cast<std::uint32_t>(units.size()));
  if (fresh) {
    Unit unit;
    unit.die_offset = die_offset;
    unit.context.dbg = dbg;
    unit.context.version = 0;  // read when the unit is loaded
    units.push_back(std::move(unit));
  }
  return it->second;
}

bool DwarfIndex::Impl::index_aranges() {
  ErrorSlot err(dbg);
  Dwarf_Arange* aranges = nullptr;
  Dwarf_Signed count = 0;
  if (dwarf_get_aranges(dbg, &aranges, &count, err.get()) != DW_DLV_OK) return false;
  for (Dwarf_Signed i = 0; i < count; ++i) {
    Dwarf_Unsigned segment = 0, segment_size = 0, length = 0;
    Dwarf_Addr start = 0;
    Dwarf_Off cu = 0;
    if (dwarf_get_arange_info_b(aranges[i], &segment, &segment_size, &start, &length, &cu,
                                err.get()) == DW_DLV_OK &&
        length > 0)
      spans.push_back(CuSpan{start, start + length, unit_for(cu)});
    dwarf_dealloc(dbg, aranges[i], DW_DLA_ARANGE);
  }
  dwarf_dealloc(dbg, aranges, DW_DLA_LIST);
  std::sort(spans.begin(), spans.end(),
            [](const CuSpan& a, const CuSpan& b) { return a.lo < b.lo; });
  return !spans.empty();
}

void DwarfIndex::Impl::index_units() {
  scanned = true;
  ErrorSlot err(dbg);
  for (;;) {
    Dwarf_Unsigned header_length = 0, type_offset = 0, next = 0;
    Dwarf_Half version = 0, address_size = 0, length_size = 0, extension_size = 0, unit_type = 0;
    Dwarf_Off abbrev = 0;
    Dwarf_Sig8 signature{};
    const int res = dwarf_next_cu_header_d(dbg, true, &header_length, &version, &abbrev,
                                           &address_size, &length_size, &extension_size, &signature,
                                           &type_offset, &next, &unit_type, err.get());
    if (res != DW_DLV_OK) break;  // also the end: libdwarf's iteration must run to it
    DieHolder cu;
    if (dwarf_siblingof_b(dbg, nullptr, true, cu.out(), err.get()) != DW_DLV_OK) continue;
    const Dwarf_Half tag = dw::die_tag(cu.get(), err);
    if (tag != DW_TAG_compile_unit && tag != DW_TAG_partial_unit && tag != DW_TAG_skeleton_unit)
      continue;
    Dwarf_Off offset = 0;
    if (dwarf_dieoffset(cu.get(), &offset, err.get()) != DW_DLV_OK) continue;
    if (unit_at.count(offset) != 0) continue;  // known from .debug_aranges
    Unit unit;
    unit.die_offset = offset;
    unit.context.dbg = dbg;
    unit.context.version = version;
    Dwarf_Addr base = 0;
    if (dwarf_lowpc(cu.get(), &base, err.get()) == DW_DLV_OK) unit.context.base = base;
    const std::vector<Range> ranges = dw::die_ranges(unit.context, cu.get(), err);
    if (ranges.empty()) continue;  // no code (a unit of declarations only)
    const auto index = static_cast<std::uint32_t>(units.size());
    unit_at.emplace(offset, index);
    for (const Range& r : ranges) spans.push_back(CuSpan{r.lo, r.hi, index});
    units.push_back(std::move(unit));
  }
  std::sort(spans.begin(), spans.end(),
            [](const CuSpan& a, const CuSpan& b) { return a.lo < b.lo; });
}

void DwarfIndex::Impl::load(Unit& unit) {
  unit.loaded = true;
  ErrorSlot err(dbg);
  DieHolder cu;
  if (dwarf_offdie_b(dbg, unit.die_offset, true, cu.out(), err.get()) != DW_DLV_OK) return;
  if (unit.context.version == 0) {
    // Found through .debug_aranges: the CU header was never read.
    Dwarf_Half version = 0, offset_size = 0;
    unit.context.version =
        dwarf_get_version_of_die(cu.get(), &version, &offset_size) == DW_DLV_OK ? version : 4;
    Dwarf_Addr base = 0;
    if (dwarf_lowpc(cu.get(), &base, err.get()) == DW_DLV_OK) unit.context.base = base;
  }
  load_lines(unit, cu.get(), err);
  walk(unit, cu.get(), nullptr, err, 0);
  for (std::uint32_t i = 0; i < unit.functions.size(); ++i)
    for (const Range& r : unit.functions[i].ranges)
      unit.spans.push_back(FunctionSpan{r.lo, r.hi, i});
  std::sort(unit.spans.begin(), unit.spans.end(),
            [](const FunctionSpan& a, const FunctionSpan& b) { return a.lo < b.lo; });
}

void DwarfIndex::Impl::load_lines(Unit& unit, Dwarf_Die cu_die, ErrorSlot& err) {
  char** files = nullptr;
  Dwarf_Signed file_count = 0;
  if (dwarf_srcfiles(cu_die, &files, &file_count, err.get()) == DW_DLV_OK) {
    // DWARF 5 numbers files from 0; earlier versions from 1 (0 meant "none").
    if (unit.context.version < 5) unit.files.emplace_back();
    for (Dwarf_Signed i = 0; i < file_count; ++i) {
      unit.files.emplace_back(files[i] != nullptr ? files[i] : "");
      dwarf_dealloc(dbg, files[i], DW_DLA_STRING);
    }
    dwarf_dealloc(dbg, files, DW_DLA_LIST);
  }
  Dwarf_Unsigned version = 0;
  Dwarf_Small table_count = 0;
  Dwarf_Line_Context context = nullptr;
  if (dwarf_srclines_b(cu_die, &version, &table_count, &context, err.get()) != DW_DLV_OK) return;
  Dwarf_Line* lines = nullptr;
  Dwarf_Signed count = 0;
  if (dwarf_srclines_from_linecontext(context, &lines, &count, err.get()) == DW_DLV_OK) {
    unit.rows.reserve(static_cast<std::size_t>(count));
    for (Dwarf_Signed i = 0; i < count; ++i) {
      LineRow row;
      Dwarf_Addr address = 0;
      Dwarf_Unsigned number = 0, file = 0;
      Dwarf_Bool end = false;
      if (dwarf_lineaddr(lines[i], &address, err.get()) != DW_DLV_OK) continue;
      dwarf_lineno(lines[i], &number, err.get());
      dwarf_line_srcfileno(lines[i], &file, err.get());
      dwarf_lineendsequence(lines[i], &end, err.get());
      row.address = address;
      row.line = static_cast<std::uint32_t>(number);
      row.file = static_cast<std::uint32_t>(file);
      row.end_sequence = end != 0;
      unit.rows.push_back(row);
    }
  }
  dwarf_srclines_dealloc_b(context);
  // Sequences may come in any order; at an address where one ends and another begins,
  // the end comes first so that the last row at or below an address is the live one.
  std::stable_sort(unit.rows.begin(), unit.rows.end(), [](const LineRow& a, const LineRow& b) {
    if (a.address != b.address) return a.address < b.address;
    return a.end_sequence && !b.end_sequence;
  });
}

void DwarfIndex::Impl::walk(Unit& unit, Dwarf_Die die, Scope* parent, ErrorSlot& err, int depth) {
  if (depth > 64) return;  // pathological nesting
  DieHolder child;
  if (dwarf_child(die, child.out(), err.get()) != DW_DLV_OK) return;
  for (;;) {
    const Dwarf_Half tag = dw::die_tag(child.get(), err);
    if (tag == DW_TAG_subprogram) {
      std::vector<Range> ranges = dw::die_ranges(unit.context, child.get(), err);
      // A subprogram without code (a declaration in a class, an abstract instance)
      // holds no code below it either.
      if (!ranges.empty()) {
        // Built here and moved into `functions` once complete: a nested function found
        // by the walk is appended to `functions` meanwhile.
        Scope s;
        s.ranges = std::move(ranges);
        s.name = names->name_of(child.get(), err);
        walk(unit, child.get(), &s, err, depth + 1);
        unit.functions.push_back(std::move(s));
      }
    } else if (tag == DW_TAG_inlined_subroutine && parent != nullptr) {
      Scope s;
      s.ranges = dw::die_ranges(unit.context, child.get(), err);
      s.name = names->name_of(child.get(), err);
      s.call_file = static_cast<std::uint32_t>(dw::die_udata(child.get(), DW_AT_call_file, err));
      s.call_line = static_cast<int>(dw::die_udata(child.get(), DW_AT_call_line, err));
      parent->children.push_back(std::move(s));
      walk(unit, child.get(), &parent->children.back(), err, depth + 1);
    } else if (may_hold_code(tag)) {
      walk(unit, child.get(), parent, err, depth + 1);
    }
    DieHolder sibling;
    if (dwarf_siblingof_b(dbg, child.get(), true, sibling.out(), err.get()) != DW_DLV_OK) break;
    child = std::move(sibling);
  }
}

const std::string& DwarfIndex::Impl::file_name(const Unit& unit, std::uint32_t number) const {
  static const std::string kNone;
  return number < unit.files.size() ? unit.files[number] : kNone;
}

Unit* DwarfIndex::Impl::find_unit(std::uint64_t pc) {
  // The last span starting at or below pc that reaches past it (spans of different
  // units do not overlap in sane DWARF; a few are checked in case they do).
  auto it = std::upper_bound(spans.begin(), spans.end(), pc,
                             [](std::uint64_t a, const CuSpan& s) { return a < s.lo; });
  for (int tries = 0; it != spans.begin() && tries < 8; ++tries) {
    --it;
    if (pc < it->hi) return &units[it->unit];
  }
  return nullptr;
}

std::vector<ResolvedFrame> DwarfIndex::Impl::lookup(std::uint64_t pc) {
  std::vector<ResolvedFrame> out;
  Unit* unit = find_unit(pc);
  if (unit == nullptr && !scanned) {
    // .debug_aranges may leave out CUs (compilers that do not write it): read every CU
    // header once, at the first address it does not cover.
    index_units();
    std::sort(spans.begin(), spans.end(),
              [](const CuSpan& a, const CuSpan& b) { return a.lo < b.lo; });
    unit = find_unit(pc);
  }
  if (unit == nullptr) return out;
  if (!unit->loaded) load(*unit);

  // The line: the last row at or below pc, unless it ends a sequence.
  std::string file;
  int line = 0;
  auto row = std::upper_bound(unit->rows.begin(), unit->rows.end(), pc,
                              [](std::uint64_t a, const LineRow& r) { return a < r.address; });
  if (row != unit->rows.begin() && !std::prev(row)->end_sequence) {
    file = file_name(*unit, std::prev(row)->file);
    line = static_cast<int>(std::prev(row)->line);
  }

  // The function, then the chain of inlined calls that cover pc, outermost first.
  const Scope* function = nullptr;
  auto fit = std::upper_bound(unit->spans.begin(), unit->spans.end(), pc,
                              [](std::uint64_t a, const FunctionSpan& s) { return a < s.lo; });
  for (int tries = 0; fit != unit->spans.begin() && tries < 8; ++tries) {
    --fit;
    if (pc < fit->hi) {
      function = &unit->functions[fit->function];
      break;
    }
  }
  if (function == nullptr) {
    if (line != 0 || !file.empty()) out.push_back(ResolvedFrame{file, line, {}, false});
    return out;
  }
  std::vector<const Scope*> chain{function};
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (const Scope& c : chain.back()->children) {
      if (c.covers(pc)) {
        chain.push_back(&c);
        deeper = true;
        break;
      }
    }
  }
  // Innermost first: its line is the line table's; each enclosing scope is at the call
  // site of the scope inside it.
  for (std::size_t i = chain.size(); i-- > 0;) {
    ResolvedFrame f;
    f.function = chain[i]->name;
    f.inlined = i > 0;
    f.file = std::move(file);
    f.line = line;
    out.push_back(std::move(f));
    file = file_name(*unit, chain[i]->call_file);
    line = chain[i]->call_line;
  }
  return out;
}

}  // namespace golden::source
