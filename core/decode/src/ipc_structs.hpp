// strace's rendering of SysV and POSIX IPC arguments: keys and creation flags, message
// buffers, semaphore operations, the *ctl structures, struct mq_attr.
#pragma once

#include <cstdint>
#include <string>

#include "golden/decode/decoder.hpp"

namespace golden::detail {

std::string ipc_key_text(std::uint64_t key);                       // IPC_PRIVATE or 0x1234
std::string ipc_flags_text(std::uint64_t flags, bool shm);         // IPC_CREAT|IPC_EXCL|0600
// struct msgbuf: {mtype=1, mtext="hi\0"}, `len` bytes of text.
std::string msgbuf_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t len, std::size_t limit);
std::string sembufs_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t count);
// msqid_ds, semid_ds or shmid_ds by the syscall (msgctl, semctl, shmctl).
std::string ipc_ds_text(TraceeMemory& mem, int nr, std::uint64_t addr);
std::string mq_attr_text(TraceeMemory& mem, std::uint64_t addr);

}  // namespace golden::detail
