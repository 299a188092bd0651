#include "image_cache.hpp"

#include <sys/uio.h>

#include <array>
#include <string_view>

#include "debug_search.hpp"
#include "demangle.hpp"

namespace golden::source {
namespace {

std::string_view basename_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

bool is_system_image(const std::string& path) {
  if (path.empty()) return false;
  if (path.front() == '[') return true;  // [vdso], [vsyscall]
  const std::string_view name = basename_of(path);
  static constexpr std::array<std::string_view, 18> kPrefixes = {
      "ld-linux",        "ld64.so",     "libc.so",      "libc-2.",      "libm.so",
      "libpthread.so",   "libdl.so",    "librt.so",     "libresolv.so", "libutil.so",
      "libstdc++.so",    "libgcc_s.so", "libatomic.so", "libc++.so",    "libc++abi.so",
      "libgolden_alloc", "libasan.so",  "libtsan.so"};
  for (std::string_view p : kPrefixes)
    if (name.starts_with(p)) return true;
  return name.starts_with("libubsan.so") || name.starts_with("liblsan.so") ||
         name.starts_with("ld-") || name.starts_with("libunwind.so");
}

Image* ImageCache::image_for(int pid, const Mapping& mapping) {
  if (mapping.path == "[vdso]") return vdso_image(pid, mapping);
  if (mapping.path.empty() || mapping.path.front() != '/') return nullptr;
  std::string key = mapping.path;
  key += '\0';
  key += std::to_string(mapping.inode);
  auto [it, fresh] = images_.try_emplace(key);
  if (!fresh) return it->second.get();
  auto image = std::make_unique<Image>();
  image->path = mapping.path;
  image->system = is_system_image(mapping.path);
  image->elf = ElfImage::open(mapping.path);
  if (!image->elf) {
    // A file deleted or replaced since it was mapped is still reachable through the
    // process (needs the same privilege as ptrace).
    char alt[96];
    std::snprintf(alt, sizeof alt, "/proc/%d/map_files/%llx-%llx", pid,
                  static_cast<unsigned long long>(mapping.start),
                  static_cast<unsigned long long>(mapping.end));
    image->elf = ElfImage::open(alt);
  }
  it->second = std::move(image);
  return it->second.get();
}

Image* ImageCache::vdso_image(int pid, const Mapping& mapping) {
  const std::size_t size = mapping.end - mapping.start;
  if (size == 0 || size > (1u << 20)) return nullptr;
  std::vector<unsigned char> bytes(size);
  iovec local{bytes.data(), size};
  iovec remote{reinterpret_cast<void*>(mapping.start), size};
  if (::process_vm_readv(pid, &local, 1, &remote, 1, 0) != static_cast<ssize_t>(size))
    return nullptr;
  auto elf = ElfImage::from_bytes(std::move(bytes));
  if (!elf) return nullptr;
  // One kernel, one vDSO: every process's copy is the same image.
  const std::string key = "[vdso]" + elf->build_id();
  auto [it, fresh] = images_.try_emplace(key);
  if (fresh) {
    auto image = std::make_unique<Image>();
    image->path = "[vdso]";
    image->system = true;
    image->elf = std::move(elf);
    image->debug_looked_up = true;
    it->second = std::move(image);
  }
  return it->second.get();
}

bool ImageCache::has_debug_info(Image& image) {
  if (!image.debug_looked_up) {
    image.debug_looked_up = true;
    if (image.elf) {
      const std::string debug_path = find_debug_file(image.path, *image.elf, roots_);
      if (!debug_path.empty()) {
        const std::string key =
            image.elf->build_id().empty() ? "path:" + debug_path : image.elf->build_id();
        auto [it, fresh] = dwarf_.try_emplace(key);
        if (fresh) it->second = DwarfIndex::open(debug_path);
        image.dwarf = it->second.get();
      }
    }
  }
  return image.dwarf != nullptr;
}

const std::vector<ResolvedFrame>& ImageCache::resolve(Image& image, std::uint64_t pc, bool dwarf) {
  auto [it, fresh] = (dwarf ? image.resolved : image.by_symbol).try_emplace(pc);
  if (!fresh) return it->second;
  std::vector<ResolvedFrame>& frames = it->second;
  if (dwarf && has_debug_info(image)) frames = image.dwarf->lookup(pc);
  // Without DWARF (or where it names no function: split DWARF's skeleton units, code
  // without DIEs) the symbol table still names the function.
  if (image.elf && (frames.empty() || frames.back().function.empty())) {
    if (const ElfSymbol* sym = image.elf->symbol_at(pc)) {
      if (frames.empty()) frames.emplace_back();
      frames.back().function = readable_function_name(sym->name);
    }
  }
  return frames;
}

}  // namespace golden::source
