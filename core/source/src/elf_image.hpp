// An ELF image (executable, shared library, separate debug file or the vDSO) read
// through a read-only mapping of the file: the program headers that say where each byte
// is loaded, the unwind table (.eh_frame_hdr), the build-id and .gnu_debuglink that lead
// to separate debug info, and the function symbols (.symtab, else .dynsym).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace golden::source {

struct LoadSegment {
  std::uint64_t vaddr = 0;  // link-time address
  std::uint64_t memsz = 0;
  std::uint64_t offset = 0;  // file offset
  std::uint64_t filesz = 0;
  bool writable = false;
};

// .eh_frame_hdr's binary search table, as link-time addresses (docs: LSB "Exception
// Frames"); only the sorted datarel/sdata4 table is usable for unwinding.
struct EhFrameHdr {
  std::uint64_t hdr_vaddr = 0;    // the section: data-relative values are relative to it
  std::uint64_t table_vaddr = 0;  // first of fde_count (initial location, fde) pairs
  std::uint64_t fde_count = 0;
};

struct ElfSymbol {
  std::uint64_t address = 0;  // link-time address
  std::uint64_t size = 0;
  std::string_view name;  // points into the image
};

class ElfImage {
 public:
  // nullptr when the file cannot be read or is not a 64-bit little-endian ELF file.
  static std::unique_ptr<ElfImage> open(const std::string& path);
  // An image held in memory (the vDSO, copied out of a tracee).
  static std::unique_ptr<ElfImage> from_bytes(std::vector<unsigned char> bytes);
  ~ElfImage();
  ElfImage(const ElfImage&) = delete;
  ElfImage& operator=(const ElfImage&) = delete;

  std::span<const LoadSegment> loads() const { return loads_; }
  // The link-time address of a file offset inside a loaded segment.
  std::optional<std::uint64_t> link_address(std::uint64_t file_offset) const;
  // The bytes at [vaddr, vaddr+size) when they come from a non-writable loaded segment,
  // whose mapped content is the file's (RELRO data is written by the loader first).
  const unsigned char* readonly_bytes(std::uint64_t vaddr, std::size_t size) const;
  const std::optional<EhFrameHdr>& eh_frame_hdr() const { return eh_frame_hdr_; }
  // Lower-case hex, "" when the image has no NT_GNU_BUILD_ID note.
  const std::string& build_id() const { return build_id_; }
  const std::string& debuglink() const { return debuglink_; }  // "" when none
  // A .debug_info or .debug_line section with content (not NOBITS, as in a stripped
  // file's --only-keep-debug twin the other way round).
  bool has_dwarf() const { return has_dwarf_; }
  bool is_executable() const { return type_ == 2; }  // ET_EXEC: not position-independent

  // The function symbol covering `vaddr` (.symtab, else .dynsym); null when none does.
  const ElfSymbol* symbol_at(std::uint64_t vaddr) const;
  // The address of the function symbol called exactly `name`.
  std::optional<std::uint64_t> find_symbol(std::string_view name) const;

 private:
  ElfImage() = default;
  bool parse();
  void parse_sections();
  void load_symbols() const;

  const unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
  bool mapped_ = false;
  std::vector<unsigned char> owned_;
  std::uint16_t type_ = 0;
  std::vector<LoadSegment> loads_;
  std::optional<EhFrameHdr> eh_frame_hdr_;
  std::string build_id_;
  std::string debuglink_;
  bool has_dwarf_ = false;
  // Section headers of the symbol tables (offset, size, entsize, string table offset/size).
  struct SymtabRef {
    std::uint64_t offset = 0, size = 0, entsize = 0, strtab = 0, strsize = 0;
  };
  std::optional<SymtabRef> symtab_, dynsym_;
  mutable bool symbols_loaded_ = false;
  mutable std::vector<ElfSymbol> symbols_;  // sorted by address
};

}  // namespace golden::source
