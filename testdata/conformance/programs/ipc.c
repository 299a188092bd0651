// Conformance tracee: IPC — SysV message queues, semaphores and shared memory (the
// *ctl commands), POSIX message queues (mq_* and struct mq_attr), eventfd.
#include "conformance.h"

#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <time.h>

union semun {
  int val;
  struct semid_ds* buf;
  unsigned short* array;
};

int main(void) {
  int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
  struct {
    long mtype;
    char mtext[8];
  } msg = {1, "hi"};
  msgsnd(q, &msg, 3, 0);
  msgrcv(q, &msg, sizeof msg.mtext, 0, IPC_NOWAIT);
  msgrcv(q, &msg, sizeof msg.mtext, 0, IPC_NOWAIT);
  struct msqid_ds mds;
  msgctl(q, IPC_STAT, &mds);
  msgctl(q, IPC_RMID, NULL);
  msgget(0x1234, 0);

  int sem = semget(IPC_PRIVATE, 2, IPC_CREAT | IPC_EXCL | 0600);
  union semun arg = {.val = 1};
  semctl(sem, 0, SETVAL, arg);
  semctl(sem, 0, GETVAL);
  struct sembuf ops[2] = {{0, -1, IPC_NOWAIT}, {1, 1, SEM_UNDO}};
  semop(sem, ops, 2);
  struct timespec ts = {0, 1000};
  semtimedop(sem, ops, 1, &ts);
  struct semid_ds sds;
  arg.buf = &sds;
  semctl(sem, 0, IPC_STAT, arg);
  semctl(sem, 0, IPC_RMID);

  int shm = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600);
  void* addr = shmat(shm, NULL, SHM_RDONLY);
  struct shmid_ds shds;
  shmctl(shm, IPC_STAT, &shds);
  shmdt(addr);
  shmctl(shm, IPC_RMID, NULL);

  struct mq_attr attr = {.mq_maxmsg = 4, .mq_msgsize = 16};
  mqd_t mq = mq_open("/golden-conformance", O_CREAT | O_RDWR | O_EXCL, 0600, &attr);
  mq_send(mq, "msg", 3, 1);
  struct timespec abs = {1, 0};
  mq_timedsend(mq, "two", 3, 2, &abs);
  char buf[16];
  unsigned prio;
  mq_receive(mq, buf, sizeof buf, &prio);
  struct mq_attr cur;
  mq_getattr(mq, &cur);
  struct mq_attr nonblock = {.mq_flags = O_NONBLOCK};
  mq_setattr(mq, &nonblock, &cur);
  mq_timedreceive(mq, buf, sizeof buf, &prio, &abs);
  mq_timedreceive(mq, buf, sizeof buf, &prio, &abs);
  struct sigevent sev = {.sigev_notify = SIGEV_NONE};
  mq_notify(mq, &sev);
  mq_notify(mq, NULL);
  mq_close(mq);
  mq_unlink("/golden-conformance");

  int efd = eventfd(3, EFD_CLOEXEC | EFD_SEMAPHORE);
  uint64_t v = 2;
  write(efd, &v, sizeof v);
  read(efd, &v, sizeof v);
  close(efd);
  return 0;
}
