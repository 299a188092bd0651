#include "dwarf_die.hpp"

#include "demangle.hpp"

namespace golden::source::dw {
namespace {

// Frees an attribute when it goes out of scope.
class AttrHolder {
 public:
  AttrHolder() = default;
  ~AttrHolder() {
    if (attr_ != nullptr) dwarf_dealloc_attribute(attr_);
  }
  AttrHolder(const AttrHolder&) = delete;
  AttrHolder& operator=(const AttrHolder&) = delete;
  Dwarf_Attribute get() const { return attr_; }
  Dwarf_Attribute* out() { return &attr_; }

 private:
  Dwarf_Attribute attr_ = nullptr;
};

// DWARF 5 .debug_rnglists (DW_FORM_rnglistx or sec_offset): libdwarf gives each entry's
// final ("cooked") addresses, base addresses applied.
void rnglists(const UnitContext&, Dwarf_Attribute attr, Dwarf_Half form, std::vector<Range>& out,
              ErrorSlot& err) {
  Dwarf_Unsigned value = 0;
  if (form == DW_FORM_rnglistx) {
    if (dwarf_formudata(attr, &value, err.get()) != DW_DLV_OK) return;
  } else {
    Dwarf_Off off = 0;
    if (dwarf_global_formref(attr, &off, err.get()) != DW_DLV_OK) return;
    value = off;
  }
  Dwarf_Rnglists_Head head = nullptr;
  Dwarf_Unsigned count = 0, global_offset = 0;
  if (dwarf_rnglists_get_rle_head(attr, form, value, &head, &count, &global_offset, err.get()) !=
      DW_DLV_OK)
    return;
  for (Dwarf_Unsigned i = 0; i < count; ++i) {
    unsigned length = 0, code = 0;
    Dwarf_Unsigned raw1 = 0, raw2 = 0, cooked1 = 0, cooked2 = 0;
    Dwarf_Bool unavailable = false;
    if (dwarf_get_rnglists_entry_fields_a(head, i, &length, &code, &raw1, &raw2, &unavailable,
                                          &cooked1, &cooked2, err.get()) != DW_DLV_OK)
      break;
    if (unavailable) continue;
    switch (code) {
      case DW_RLE_offset_pair:
      case DW_RLE_startx_endx:
      case DW_RLE_startx_length:
      case DW_RLE_start_end:
      case DW_RLE_start_length:
        if (cooked2 > cooked1) out.push_back(Range{cooked1, cooked2});
        break;
      default:
        break;  // end of list, base address entries
    }
  }
  dwarf_dealloc_rnglists_head(head);
}

// DWARF 2-4 .debug_ranges: offsets from the CU's base, which an entry can change.
void debug_ranges(const UnitContext& unit, Dwarf_Die die, Dwarf_Attribute attr, Dwarf_Half form,
                  std::vector<Range>& out, ErrorSlot& err) {
  Dwarf_Unsigned offset = 0;
  if (form == DW_FORM_sec_offset) {
    Dwarf_Off off = 0;
    if (dwarf_global_formref(attr, &off, err.get()) != DW_DLV_OK) return;
    offset = off;
  } else if (dwarf_formudata(attr, &offset, err.get()) != DW_DLV_OK) {
    return;
  }
  Dwarf_Ranges* ranges = nullptr;
  Dwarf_Signed count = 0;
  Dwarf_Unsigned bytes = 0;
  Dwarf_Off real = 0;
  if (dwarf_get_ranges_b(unit.dbg, offset, die, &real, &ranges, &count, &bytes, err.get()) !=
      DW_DLV_OK)
    return;
  std::uint64_t base = unit.base;
  for (Dwarf_Signed i = 0; i < count; ++i) {
    const Dwarf_Ranges& r = ranges[i];
    if (r.dwr_type == DW_RANGES_END) break;
    if (r.dwr_type == DW_RANGES_ADDRESS_SELECTION) {
      base = r.dwr_addr2;
    } else if (r.dwr_addr2 > r.dwr_addr1) {
      out.push_back(Range{base + r.dwr_addr1, base + r.dwr_addr2});
    }
  }
  dwarf_ranges_dealloc(unit.dbg, ranges, count);
}

}  // namespace

std::vector<Range> die_ranges(const UnitContext& unit, Dwarf_Die die, ErrorSlot& err) {
  std::vector<Range> out;
  Dwarf_Addr low = 0;
  if (dwarf_lowpc(die, &low, err.get()) == DW_DLV_OK) {
    Dwarf_Addr high = 0;
    Dwarf_Half form = 0;
    Dwarf_Form_Class cls = DW_FORM_CLASS_UNKNOWN;
    if (dwarf_highpc_b(die, &high, &form, &cls, err.get()) == DW_DLV_OK) {
      if (cls == DW_FORM_CLASS_CONSTANT) high += low;
      if (high > low) out.push_back(Range{low, high});
      return out;
    }
  }
  AttrHolder attr;
  if (dwarf_attr(die, DW_AT_ranges, attr.out(), err.get()) != DW_DLV_OK) return out;
  Dwarf_Half form = 0;
  if (dwarf_whatform(attr.get(), &form, err.get()) != DW_DLV_OK) return out;
  if (unit.version >= 5 || form == DW_FORM_rnglistx)
    rnglists(unit, attr.get(), form, out, err);
  else
    debug_ranges(unit, die, attr.get(), form, out, err);
  return out;
}

Dwarf_Half die_tag(Dwarf_Die die, ErrorSlot& err) {
  Dwarf_Half tag = 0;
  return dwarf_tag(die, &tag, err.get()) == DW_DLV_OK ? tag : Dwarf_Half{0};
}

std::uint64_t die_udata(Dwarf_Die die, Dwarf_Half attribute, ErrorSlot& err) {
  AttrHolder attr;
  if (dwarf_attr(die, attribute, attr.out(), err.get()) != DW_DLV_OK) return 0;
  Dwarf_Unsigned value = 0;
  if (dwarf_formudata(attr.get(), &value, err.get()) != DW_DLV_OK) return 0;
  return value;
}

std::string die_string(Dwarf_Die die, Dwarf_Half attribute, ErrorSlot& err) {
  AttrHolder attr;
  if (dwarf_attr(die, attribute, attr.out(), err.get()) != DW_DLV_OK) return {};
  char* s = nullptr;
  if (dwarf_formstring(attr.get(), &s, err.get()) != DW_DLV_OK || s == nullptr) return {};
  return s;
}

std::string NameResolver::name_of(Dwarf_Die die, ErrorSlot& err, int depth) {
  for (Dwarf_Half a : {Dwarf_Half{DW_AT_linkage_name}, Dwarf_Half{DW_AT_MIPS_linkage_name}}) {
    std::string linkage = die_string(die, a, err);
    if (!linkage.empty()) return readable_function_name(linkage);
  }
  char* name = nullptr;
  if (dwarf_diename(die, &name, err.get()) == DW_DLV_OK && name != nullptr) return name;
  // A concrete instance names its abstract origin; a definition outside its class names
  // the declaration inside it.
  for (Dwarf_Half a : {Dwarf_Half{DW_AT_abstract_origin}, Dwarf_Half{DW_AT_specification}}) {
    AttrHolder attr;
    if (dwarf_attr(die, a, attr.out(), err.get()) != DW_DLV_OK) continue;
    Dwarf_Off offset = 0;
    if (dwarf_global_formref(attr.get(), &offset, err.get()) != DW_DLV_OK) continue;
    std::string n = name_at(offset, err, depth + 1);
    if (!n.empty()) return n;
  }
  return {};
}

std::string NameResolver::name_at(Dwarf_Off offset, ErrorSlot& err, int depth) {
  if (depth > 6) return {};  // a reference cycle in broken DWARF
  if (auto it = by_offset_.find(offset); it != by_offset_.end()) return it->second;
  DieHolder die;
  std::string name;
  if (dwarf_offdie_b(dbg_, offset, true, die.out(), err.get()) == DW_DLV_OK)
    name = name_of(die.get(), err, depth);
  by_offset_.emplace(offset, name);
  return name;
}

}  // namespace golden::source::dw
