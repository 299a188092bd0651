#include "elf_image.hpp"

#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace golden::source {
namespace {

constexpr std::uint8_t kPeDatarelSdata4 = 0x3b;  // DW_EH_PE_datarel | DW_EH_PE_sdata4

template <class T>
bool read_at(const unsigned char* data, std::size_t size, std::uint64_t offset, T& out) {
  if (offset > size || size - offset < sizeof(T)) return false;
  std::memcpy(&out, data + offset, sizeof(T));
  return true;
}

std::string hex(const unsigned char* p, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[p[i] >> 4];
    out += kDigits[p[i] & 15];
  }
  return out;
}

// Walks the notes in [offset, offset+size) for NT_GNU_BUILD_ID ("GNU").
std::string build_id_in(const unsigned char* data, std::size_t size, std::uint64_t offset,
                        std::uint64_t length) {
  std::uint64_t at = offset;
  const std::uint64_t end = std::min<std::uint64_t>(offset + length, size);
  while (at + sizeof(Elf64_Nhdr) <= end) {
    Elf64_Nhdr n;
    std::memcpy(&n, data + at, sizeof n);
    const std::uint64_t name_at = at + sizeof n;
    const std::uint64_t desc_at = name_at + ((n.n_namesz + 3) & ~3u);
    const std::uint64_t next = desc_at + ((n.n_descsz + 3) & ~3u);
    if (next > end) break;
    if (n.n_type == NT_GNU_BUILD_ID && n.n_namesz == 4 &&
        std::memcmp(data + name_at, "GNU", 4) == 0)
      return hex(data + desc_at, n.n_descsz);
    at = next;
  }
  return {};
}

}  // namespace

std::unique_ptr<ElfImage> ElfImage::open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 64) {
    ::close(fd);
    return nullptr;
  }
  void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return nullptr;
  std::unique_ptr<ElfImage> image(new ElfImage);
  image->data_ = static_cast<const unsigned char*>(p);
  image->size_ = static_cast<std::size_t>(st.st_size);
  image->mapped_ = true;
  if (!image->parse()) return nullptr;
  return image;
}

std::unique_ptr<ElfImage> ElfImage::from_bytes(std::vector<unsigned char> bytes) {
  std::unique_ptr<ElfImage> image(new ElfImage);
  image->owned_ = std::move(bytes);
  image->data_ = image->owned_.data();
  image->size_ = image->owned_.size();
  if (!image->parse()) return nullptr;
  return image;
}

ElfImage::~ElfImage() {
  if (mapped_) ::munmap(const_cast<unsigned char*>(data_), size_);
}

bool ElfImage::parse() {
  Elf64_Ehdr eh;
  if (!read_at(data_, size_, 0, eh)) return false;
  if (std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
      eh.e_ident[EI_DATA] != ELFDATA2LSB)
    return false;
  type_ = eh.e_type;
  std::optional<Elf64_Phdr> eh_frame;
  for (std::uint16_t i = 0; i < eh.e_phnum; ++i) {
    Elf64_Phdr ph;
    if (!read_at(data_, size_, eh.e_phoff + std::uint64_t{i} * eh.e_phentsize, ph)) break;
    if (ph.p_type == PT_LOAD) {
      loads_.push_back(
          LoadSegment{ph.p_vaddr, ph.p_memsz, ph.p_offset, ph.p_filesz, (ph.p_flags & PF_W) != 0});
    } else if (ph.p_type == PT_GNU_EH_FRAME) {
      eh_frame = ph;
    } else if (ph.p_type == PT_NOTE && build_id_.empty()) {
      build_id_ = build_id_in(data_, size_, ph.p_offset, ph.p_filesz);
    }
  }
  if (eh_frame && eh_frame->p_filesz >= 4) {
    // version, eh_frame_ptr_enc, fde_count_enc, table_enc; then the two encoded values.
    const unsigned char* h = data_ + eh_frame->p_offset;
    if (eh_frame->p_offset + eh_frame->p_filesz <= size_ && h[0] == 1 && h[3] == kPeDatarelSdata4 &&
        h[1] != 0xff && h[2] != 0xff) {
      // Every encoding gcc and lld emit here is 4 bytes (pcrel|sdata4, udata4).
      std::uint32_t count = 0;
      std::memcpy(&count, h + 8, 4);
      eh_frame_hdr_ = EhFrameHdr{eh_frame->p_vaddr, eh_frame->p_vaddr + 12, count};
    }
  }
  parse_sections();
  return true;
}

void ElfImage::parse_sections() {
  Elf64_Ehdr eh;
  std::memcpy(&eh, data_, sizeof eh);
  if (eh.e_shoff == 0 || eh.e_shentsize != sizeof(Elf64_Shdr)) return;
  std::vector<Elf64_Shdr> sections(eh.e_shnum);
  for (std::uint16_t i = 0; i < eh.e_shnum; ++i)
    if (!read_at(data_, size_, eh.e_shoff + std::uint64_t{i} * sizeof(Elf64_Shdr), sections[i]))
      return;
  if (eh.e_shstrndx >= sections.size()) return;
  const Elf64_Shdr& names = sections[eh.e_shstrndx];
  auto name_of = [&](const Elf64_Shdr& s) -> std::string_view {
    if (names.sh_offset + s.sh_name >= size_ || s.sh_name >= names.sh_size) return {};
    const char* p = reinterpret_cast<const char*>(data_ + names.sh_offset + s.sh_name);
    return {p, strnlen(p, names.sh_size - s.sh_name)};
  };
  for (const Elf64_Shdr& s : sections) {
    const std::string_view name = name_of(s);
    const bool has_bytes =
        s.sh_type != SHT_NOBITS && s.sh_size > 0 && s.sh_offset + s.sh_size <= size_;
    if (!has_bytes) continue;
    if (name == ".debug_info" || name == ".zdebug_info" || name == ".debug_line" ||
        name == ".zdebug_line") {
      has_dwarf_ = true;
    } else if (name == ".gnu_debuglink") {
      const char* p = reinterpret_cast<const char*>(data_ + s.sh_offset);
      debuglink_.assign(p, strnlen(p, s.sh_size));
    } else if (s.sh_type == SHT_NOTE && build_id_.empty()) {
      build_id_ = build_id_in(data_, size_, s.sh_offset, s.sh_size);
    } else if ((s.sh_type == SHT_SYMTAB || s.sh_type == SHT_DYNSYM) &&
               s.sh_link < sections.size() && s.sh_entsize == sizeof(Elf64_Sym)) {
      const Elf64_Shdr& str = sections[s.sh_link];
      SymtabRef ref{s.sh_offset, s.sh_size, s.sh_entsize, str.sh_offset, str.sh_size};
      if (str.sh_offset + str.sh_size > size_) continue;
      (s.sh_type == SHT_SYMTAB ? symtab_ : dynsym_) = ref;
    }
  }
}

std::optional<std::uint64_t> ElfImage::link_address(std::uint64_t file_offset) const {
  for (const LoadSegment& s : loads_)
    if (file_offset >= s.offset && file_offset < s.offset + std::max(s.filesz, s.memsz))
      return file_offset - s.offset + s.vaddr;
  return std::nullopt;
}

const unsigned char* ElfImage::readonly_bytes(std::uint64_t vaddr, std::size_t size) const {
  for (const LoadSegment& s : loads_) {
    if (s.writable || vaddr < s.vaddr || vaddr + size > s.vaddr + s.filesz) continue;
    const std::uint64_t off = vaddr - s.vaddr + s.offset;
    if (off + size > size_) return nullptr;
    return data_ + off;
  }
  return nullptr;
}

void ElfImage::load_symbols() const {
  symbols_loaded_ = true;
  const std::optional<SymtabRef>& ref = symtab_ ? symtab_ : dynsym_;
  if (!ref) return;
  const std::uint64_t n = ref->size / ref->entsize;
  for (std::uint64_t i = 0; i < n; ++i) {
    Elf64_Sym sym;
    if (!read_at(data_, size_, ref->offset + i * ref->entsize, sym)) break;
    if (ELF64_ST_TYPE(sym.st_info) != STT_FUNC && ELF64_ST_TYPE(sym.st_info) != STT_GNU_IFUNC)
      continue;
    if (sym.st_value == 0 || sym.st_shndx == SHN_UNDEF || sym.st_name >= ref->strsize) continue;
    const char* p = reinterpret_cast<const char*>(data_ + ref->strtab + sym.st_name);
    symbols_.push_back(
        ElfSymbol{sym.st_value, sym.st_size, {p, strnlen(p, ref->strsize - sym.st_name)}});
  }
  // By address; of aliases (write, __write, __libc_write) the global one first.
  std::stable_sort(symbols_.begin(), symbols_.end(),
                   [](const ElfSymbol& a, const ElfSymbol& b) { return a.address < b.address; });
}

const ElfSymbol* ElfImage::symbol_at(std::uint64_t vaddr) const {
  if (!symbols_loaded_) load_symbols();
  auto it = std::upper_bound(symbols_.begin(), symbols_.end(), vaddr,
                             [](std::uint64_t a, const ElfSymbol& s) { return a < s.address; });
  if (it == symbols_.begin()) return nullptr;
  const std::uint64_t at = std::prev(it)->address;
  // Aliases share an address (write, __write, __libc_write): the one with the fewest
  // leading underscores is the name users know.
  const ElfSymbol* best = nullptr;
  auto underscores = [](std::string_view n) { return n.find_first_not_of('_'); };
  while (it != symbols_.begin() && std::prev(it)->address == at) {
    --it;
    if (vaddr >= it->address + std::max<std::uint64_t>(it->size, 1)) continue;
    if (best == nullptr || underscores(it->name) < underscores(best->name)) best = &*it;
  }
  return best;
}

std::optional<std::uint64_t> ElfImage::find_symbol(std::string_view name) const {
  if (!symbols_loaded_) load_symbols();
  for (const ElfSymbol& s : symbols_)
    if (s.name == name) return s.address;
  return std::nullopt;
}

}  // namespace golden::source
