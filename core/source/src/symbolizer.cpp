#include "golden/source/symbolizer.hpp"

#include <sys/stat.h>

#include "debug_search.hpp"
#include "image_cache.hpp"

namespace golden::source {

struct Symbolizer::Impl {
  explicit Impl(std::vector<std::string> dirs) : roots(debug_roots(dirs)), cache(roots) {}

  Image* image(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return nullptr;
    Mapping m;
    m.path = path;
    m.inode = st.st_ino;
    return cache.image_for(0, m);
  }

  std::vector<std::string> roots;
  ImageCache cache;
};

Symbolizer::Symbolizer(std::vector<std::string> debug_dirs)
    : impl_(std::make_unique<Impl>(std::move(debug_dirs))) {}
Symbolizer::~Symbolizer() = default;

std::vector<SourceFrame> Symbolizer::resolve(const std::string& path, std::uint64_t address) {
  std::vector<SourceFrame> out;
  Image* image = impl_->image(path);
  if (image == nullptr) return out;
  for (const ResolvedFrame& r : impl_->cache.resolve(*image, address)) {
    SourceFrame f;
    f.file = r.file;
    f.line = r.line;
    f.function = r.function;
    f.inlined = r.inlined;
    f.module = path;
    f.offset = address;
    out.push_back(std::move(f));
  }
  return out;
}

std::string Symbolizer::debug_file(const std::string& path) {
  Image* image = impl_->image(path);
  if (image == nullptr || !image->elf) return {};
  return find_debug_file(path, *image->elf, impl_->roots);
}

std::optional<std::uint64_t> Symbolizer::symbol_address(const std::string& path,
                                                        std::string_view name) {
  Image* image = impl_->image(path);
  if (image == nullptr || !image->elf) return std::nullopt;
  return image->elf->find_symbol(name);
}

}  // namespace golden::source
