#include "ipc_structs.hpp"

#include <sys/syscall.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "flags_render.hpp"
#include "golden/model/escape.hpp"
#include "payload.hpp"
#include "xlat_strace.hpp"

namespace golden::detail {
namespace {

// x86-64 struct ipc64_perm.
struct IpcPerm {
  std::int32_t key;
  std::uint32_t uid, gid, cuid, cgid;
  std::uint16_t mode, pad1;
  std::uint16_t seq, pad2;
  std::uint64_t unused1, unused2;
};
static_assert(sizeof(IpcPerm) == 48);

std::string perm_text(const IpcPerm& p) {
  char mode[16];
  std::snprintf(mode, sizeof mode, "%#03o", p.mode & 0777u);
  return "{uid=" + std::to_string(p.uid) + ", gid=" + std::to_string(p.gid) + ", mode=" + mode +
         ", key=" + std::to_string(p.key) + ", cuid=" + std::to_string(p.cuid) + ", cgid=" + std::to_string(p.cgid) + "}";
}

}  // namespace

std::string ipc_key_text(std::uint64_t key) {
  const auto k = static_cast<std::uint32_t>(key);
  return k == 0 ? "IPC_PRIVATE" : hex_text(k);
}

std::string ipc_flags_text(std::uint64_t flags, bool shm) {
  const auto f = static_cast<std::uint32_t>(flags);
  char perm[16];
  std::snprintf(perm, sizeof perm, "%#03o", f & 0777u);
  if ((f & ~0777u) == 0) return perm;
  return flags_text(f & ~0777u, shm ? xlat::gen::shm_resource_flags : xlat::gen::resource_flags) + "|" + perm;
}

std::string msgbuf_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t len, std::size_t limit) {
  if (addr == 0) return "NULL";
  const auto mtype = read_object<std::int64_t>(mem, addr);
  if (!mtype) return address_text(addr);
  std::string out = "{mtype=" + std::to_string(*mtype) + ", mtext=";
  const std::size_t shown = static_cast<std::size_t>(std::min<std::uint64_t>(len, limit));
  std::string text(shown, '\0');
  if (shown != 0 && mem.read(RemoteAddr{addr + 8}, text.data(), shown) != shown) {
    out += address_text(addr + 8);
  } else {
    out += quote_bytes(text, len > shown);
  }
  return out + "}";
}

std::string sembufs_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t count) {
  if (addr == 0) return "NULL";
  struct Sembuf {
    std::uint16_t num;
    std::int16_t op;
    std::int16_t flg;
  };
  std::vector<Sembuf> ops(static_cast<std::size_t>(std::min<std::uint64_t>(count, 1024)));
  const std::size_t bytes = ops.size() * sizeof(Sembuf);
  if (bytes == 0 || mem.read(RemoteAddr{addr}, ops.data(), bytes) != bytes) return address_text(addr);
  std::string out = "[";
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (k) out += ", ";
    out += "{sem_num=" + std::to_string(ops[k].num) + ", sem_op=" + std::to_string(ops[k].op) +
           ", sem_flg=" + flags_text(static_cast<std::uint16_t>(ops[k].flg), xlat::gen::semop_flags, "0", "SEM_") + "}";
  }
  if (count > ops.size()) out += ", ...";
  return out + "]";
}

std::string ipc_ds_text(TraceeMemory& mem, int nr, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  switch (nr) {
    case SYS_msgctl: {
      struct Msqid {
        IpcPerm perm;
        std::int64_t stime, rtime, ctime;
        std::uint64_t cbytes, qnum, qbytes;
        std::int32_t lspid, lrpid;
        std::uint64_t unused4, unused5;
      };
      const auto d = read_object<Msqid>(mem, addr);
      if (!d) return address_text(addr);
      return "{msg_perm=" + perm_text(d->perm) + ", msg_stime=" + std::to_string(d->stime) +
             ", msg_rtime=" + std::to_string(d->rtime) + ", msg_ctime=" + std::to_string(d->ctime) +
             ", msg_qnum=" + std::to_string(d->qnum) + ", msg_qbytes=" + std::to_string(d->qbytes) +
             ", msg_lspid=" + std::to_string(d->lspid) + ", msg_lrpid=" + std::to_string(d->lrpid) + "}";
    }
    case SYS_semctl: {
      struct Semid {
        IpcPerm perm;
        std::int64_t otime, unused1, ctime, unused2;
        std::uint64_t nsems, unused3, unused4;
      };
      const auto d = read_object<Semid>(mem, addr);
      if (!d) return address_text(addr);
      return "{sem_perm=" + perm_text(d->perm) + ", sem_otime=" + std::to_string(d->otime) +
             ", sem_ctime=" + std::to_string(d->ctime) + ", sem_nsems=" + std::to_string(d->nsems) + "}";
    }
    case SYS_shmctl: {
      struct Shmid {
        IpcPerm perm;
        std::uint64_t segsz;
        std::int64_t atime, dtime, ctime;
        std::int32_t cpid, lpid;
        std::uint64_t nattch, unused4, unused5;
      };
      const auto d = read_object<Shmid>(mem, addr);
      if (!d) return address_text(addr);
      return "{shm_perm=" + perm_text(d->perm) + ", shm_segsz=" + std::to_string(d->segsz) +
             ", shm_cpid=" + std::to_string(d->cpid) + ", shm_lpid=" + std::to_string(d->lpid) +
             ", shm_nattch=" + std::to_string(d->nattch) + ", shm_atime=" + std::to_string(d->atime) +
             ", shm_dtime=" + std::to_string(d->dtime) + ", shm_ctime=" + std::to_string(d->ctime) + "}";
    }
    default: return address_text(addr);
  }
}

std::string mq_attr_text(TraceeMemory& mem, std::uint64_t addr) {
  if (addr == 0) return "NULL";
  struct MqAttr {
    std::int64_t flags, maxmsg, msgsize, curmsgs, reserved[4];
  };
  const auto a = read_object<MqAttr>(mem, addr);
  if (!a) return address_text(addr);
  return "{mq_flags=" + flags_text(static_cast<std::uint64_t>(a->flags), xlat::gen::mq_attr_flags) +
         ", mq_maxmsg=" + std::to_string(a->maxmsg) + ", mq_msgsize=" + std::to_string(a->msgsize) +
         ", mq_curmsgs=" + std::to_string(a->curmsgs) + "}";
}

}  // namespace golden::detail
