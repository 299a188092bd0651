#include "remote_unwind.hpp"

#include <sys/uio.h>

#include <algorithm>
#include <array>
#include <cstring>

// libunwind's binary search over an .eh_frame_hdr table. Exported (libunwind-ptrace and
// libunwind-coredump call it) but not declared in the public headers; perf declares it
// the same way (tools/perf/util/unwind-libunwind-local.c).
extern "C" int UNW_OBJ(dwarf_search_unwind_table)(unw_addr_space_t as, unw_word_t ip,
                                                  unw_dyn_info_t* di, unw_proc_info_t* pi,
                                                  int need_unwind_info, void* arg);

namespace golden::source {
namespace {

constexpr std::uint64_t kPage = 4096;

// Stack pages read during one unwind: a handful cover any stack a syscall is made from.
class PageCache {
 public:
  explicit PageCache(int tid) : tid_(tid) {}
  bool read(std::uint64_t address, void* out, std::size_t size) {
    auto* dst = static_cast<unsigned char*>(out);
    while (size > 0) {
      const std::uint64_t page = address & ~(kPage - 1);
      const unsigned char* bytes = page_data(page);
      if (bytes == nullptr) return false;
      const std::size_t in_page = std::min<std::size_t>(size, kPage - (address - page));
      std::memcpy(dst, bytes + (address - page), in_page);
      dst += in_page;
      address += in_page;
      size -= in_page;
    }
    return true;
  }

 private:
  static constexpr std::size_t kSlots = 8;
  const unsigned char* page_data(std::uint64_t page) {
    for (std::size_t i = 0; i < used_; ++i)
      if (pages_[i] == page) return data_[i].data();
    const std::size_t slot = used_ < kSlots ? used_++ : (next_++ % kSlots);
    iovec local{data_[slot].data(), kPage};
    iovec remote{reinterpret_cast<void*>(page), kPage};
    if (::process_vm_readv(tid_, &local, 1, &remote, 1, 0) != static_cast<ssize_t>(kPage)) {
      pages_[slot] = ~std::uint64_t{0};
      return nullptr;
    }
    pages_[slot] = page;
    return data_[slot].data();
  }
  int tid_;
  std::size_t used_ = 0, next_ = 0;
  std::array<std::uint64_t, kSlots> pages_{};
  std::array<std::array<unsigned char, kPage>, kSlots> data_;  // not zeroed: 32 KiB a stop
};

// The accessors' `arg` for one unwind.
struct Context {
  Context(ProcessView* v, const Registers* r, int tid) : view(v), regs(r), pages(tid) {}
  ProcessView* view;
  const Registers* regs;
  PageCache pages;
};

Context& ctx(void* arg) {
  return *static_cast<Context*>(arg);
}

// The load bias of `image` in the mapping: runtime address minus link-time address.
bool load_bias(const Mapping& m, const Image& image, std::uint64_t address, std::uint64_t& bias) {
  const auto link = image.elf->link_address(address - m.start + m.offset);
  if (!link) return false;
  bias = address - *link;
  return true;
}

int find_proc_info(unw_addr_space_t as, unw_word_t ip, unw_proc_info_t* pi, int need_unwind_info,
                   void* arg) {
  Image* image = nullptr;
  const Mapping* m = ctx(arg).view->mapping(ip, &image);
  if (m == nullptr || image == nullptr || !image->elf || !image->elf->eh_frame_hdr())
    return -UNW_ENOINFO;
  std::uint64_t bias = 0;
  if (!load_bias(*m, *image, ip, bias)) return -UNW_ENOINFO;
  const EhFrameHdr& hdr = *image->elf->eh_frame_hdr();
  std::uint64_t lo = ~std::uint64_t{0}, hi = 0;
  for (const LoadSegment& s : image->elf->loads()) {
    lo = std::min(lo, s.vaddr);
    hi = std::max(hi, s.vaddr + s.memsz);
  }
  unw_dyn_info_t di{};
  di.start_ip = bias + lo;
  di.end_ip = bias + hi;
  di.format = UNW_INFO_FORMAT_REMOTE_TABLE;
  di.u.rti.segbase = bias + hdr.hdr_vaddr;
  di.u.rti.table_data = bias + hdr.table_vaddr;
  // Two 32-bit values per entry, counted in words.
  di.u.rti.table_len = hdr.fde_count * 8 / sizeof(unw_word_t);
  return UNW_OBJ(dwarf_search_unwind_table)(as, ip, &di, pi, need_unwind_info, arg);
}

void put_unwind_info(unw_addr_space_t, unw_proc_info_t*, void*) {
  // dwarf_search_unwind_table's unwind info is libunwind's own, freed by libunwind.
}

int get_dyn_info_list_addr(unw_addr_space_t, unw_word_t*, void*) {
  return -UNW_ENOINFO;
}

int access_mem(unw_addr_space_t, unw_word_t address, unw_word_t* value, int write, void* arg) {
  if (write) return -UNW_EINVAL;
  Context& c = ctx(arg);
  Image* image = nullptr;
  // Bytes of an image's read-only segments are the file's: no syscall needed.
  if (const Mapping* m = c.view->mapping(address, &image); m != nullptr && image != nullptr &&
                                                           image->elf && !m->writable &&
                                                           address + sizeof *value <= m->end) {
    std::uint64_t bias = 0;
    if (load_bias(*m, *image, address, bias)) {
      if (const unsigned char* p = image->elf->readonly_bytes(address - bias, sizeof *value)) {
        std::memcpy(value, p, sizeof *value);
        return 0;
      }
    }
  }
  return c.pages.read(address, value, sizeof *value) ? 0 : -UNW_EINVAL;
}

int access_reg(unw_addr_space_t, unw_regnum_t reg, unw_word_t* value, int write, void* arg) {
  if (write) return -UNW_EREADONLYREG;
  if (reg < 0 || reg > UNW_X86_64_RIP) return -UNW_EBADREG;
  // Registers is laid out in DWARF (= libunwind x86-64) register order.
  std::uint64_t regs[17];
  static_assert(sizeof(Registers) == sizeof regs);
  std::memcpy(regs, ctx(arg).regs, sizeof regs);
  *value = regs[reg];
  return 0;
}

int access_fpreg(unw_addr_space_t, unw_regnum_t, unw_fpreg_t*, int, void*) {
  return -UNW_EBADREG;
}

int resume(unw_addr_space_t, unw_cursor_t*, void*) {
  return -UNW_EINVAL;
}

int get_proc_name(unw_addr_space_t, unw_word_t, char*, std::size_t, unw_word_t*, void*) {
  return -UNW_ENOINFO;  // names come from golden's own symbolizer
}

unw_accessors_t accessors = {find_proc_info, put_unwind_info, get_dyn_info_list_addr,
                             access_mem,     access_reg,      access_fpreg,
                             resume,         get_proc_name};

}  // namespace

const Mapping* ProcessView::mapping(std::uint64_t address, Image** image) {
  if (stale_) reread();
  const Mapping* m = mapping_at(maps_, address);
  if (m == nullptr && !reread_this_stop_) {
    // Code mapped since the last read (dlopen while filtering hid the mmap).
    reread();
    m = mapping_at(maps_, address);
  }
  if (m != nullptr && image != nullptr) {
    const auto i = static_cast<std::size_t>(m - maps_.data());
    if (!images_known_[i]) {
      images_known_[i] = true;
      images_[i] = cache_->image_for(pid_, *m);
    }
    *image = images_[i];
  }
  return m;
}

bool ProcessView::overlaps_code(std::uint64_t start, std::uint64_t end) const {
  for (const Mapping& m : maps_)
    if (m.start < end && start < m.end && (m.executable || !m.path.empty())) return true;
  return false;
}

void ProcessView::reread() {
  maps_ = read_maps(pid_);
  images_.assign(maps_.size(), nullptr);
  images_known_.assign(maps_.size(), false);
  stale_ = false;
  reread_this_stop_ = true;
  ++maps_reads_;
}

RemoteUnwinder::RemoteUnwinder() {
  space_ = unw_create_addr_space(&accessors, 0);
  // One tracer thread: a global cache needs no per-thread copies. CFI parsed for one IP
  // is reused for every later stop at that IP.
  unw_set_caching_policy(space_, UNW_CACHE_GLOBAL);
  unw_set_cache_size(space_, 1024, 0);
}

RemoteUnwinder::~RemoteUnwinder() {
  if (space_ != nullptr) unw_destroy_addr_space(space_);
}

void RemoteUnwinder::flush() {
  unw_flush_cache(space_, 0, 0);
}

bool RemoteUnwinder::unwind(ProcessView& view, int tid, const Registers& regs,
                            std::vector<RawFrame>& out,
                            const std::function<bool(const std::vector<RawFrame>&)>& more,
                            unsigned max_frames) {
  view.new_stop();
  Context c(&view, &regs, tid);
  unw_cursor_t cursor;
  if (unw_init_remote(&cursor, space_, &c) < 0) return false;
  // At a syscall stop the IP is just past the syscall instruction: like a return
  // address, IP - 1 is inside the instruction that made the call.
  bool exact = false;
  for (unsigned i = 0; i < max_frames; ++i) {
    unw_word_t ip = 0;
    if (unw_get_reg(&cursor, UNW_REG_IP, &ip) < 0 || ip == 0) break;
    out.push_back(RawFrame{ip, exact});
    // The frame above a signal frame was interrupted, not calling: its IP is exact.
    exact = unw_is_signal_frame(&cursor) > 0;
    if (!more(out)) break;
    if (unw_step(&cursor) <= 0) break;
  }
  return !out.empty();
}

}  // namespace golden::source
