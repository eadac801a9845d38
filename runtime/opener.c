/* opener.c -- harden=1: open files for the program without ever putting
   a descriptor of its memory in its descriptor table.

   The filter (filter.c) turns every open, creat, openat and openat2 into
   SIGSYS; a filter cannot read a path, and a path cannot be trusted
   anyway (symlinks, bind mounts, /proc/self/fd/N, a string another
   thread rewrites).  What can be trusted is the opened file, looked at
   where nobody else can reach it.  The handler below serves the open
   family only (any other system call gets ENOSYS, a SIGSYS not from
   seccomp nothing), and whatever registers it is given, forged ones
   included, it can only hand back descriptors that were checked:

   1. The calling thread makes a socket pair and a small mapping (the
      request), and clones, with every signal blocked for the moment, a
      helper thread: CLONE_VM | CLONE_THREAD but not CLONE_FILES.  The
      helper is one of our threads (so /proc/self, and the permission
      checks of a process that is not dumpable, are ours), with a private
      copy of the descriptor table that no other thread can reach
      (pidfd_getfd is refused; /proc/PID/task/TID/fd/N is an open, checked
      like any).  It starts with every signal blocked, so no handler of the
      program ever runs on it.
   2. The helper (assembly, no calls, no stack) makes the open with the
      caller's arguments from the one instruction the filter lets open
      anything,
      and probes the new descriptor with lseek, whose answers come back
      in a register, where no other thread can change them (a stat buffer
      in shared memory could be rewritten between the kernel's write and
      the check):
      - an lseek to a negative offset succeeds only on files where any
        offset goes: /proc/PID/mem and /proc/PID/task/TID/mem (under any
        name: a bind mount keeps the file), /dev/mem, /dev/kmem and
        /dev/port (any device node of them), and /proc/PID/pagemap;
      - a file longer than user space (2^47 bytes) is /proc/kcore, or a
        sparse file no program opens.
      Either is refused with EPERM; anything else goes back to the start
      and is sent to the caller over the socket.  A directory (an openat
      of "." relative to it works, again an answer in a register) reads
      no memory and is sent without the probes: the end of an ext4
      hashed directory is 2^63 - 1.  An O_PATH descriptor cannot be
      probed, and needs not be: it reads and writes nothing, and reopening
      it through /proc/self/fd/N is an open like any.
   3. The helper unmaps the request and exits; its table goes with it.
      The caller receives the descriptor (and gives it the lowest free
      number, as open would) or the error.

   Everything in shared memory (the request, the message, the caller's
   path and open_how) can at worst change what is opened or which of the
   helper's descriptors, all ours already or checked, is sent.  Paths
   starting with /proc/thread-self name the calling thread: the helper
   first opens /proc/TGID/task/TID (O_PATH, a directory: the filter allows
   nothing else from that instruction) and opens the rest relative to it.

   Costs (README): a thread, a socket pair and a mapping per open.  */

#include "harden.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <ucontext.h>

#ifndef SYS_openat2
# define SYS_openat2 437
#endif
#ifndef SYS_SECCOMP
# define SYS_SECCOMP 1
#endif

/* What the caller asks the helper; it lives at the start of the helper's
   mapping.  The assembly below reads it at these offsets.  */
/* OFFSET(%rbx) in the assembly below.  */
#define AT(offset) PKEYRT_STRINGIFY (offset) "(%rbx)"

#define REQ_NR 0
#define REQ_DIRFD 8
#define REQ_PATH 16
#define REQ_ARG2 24
#define REQ_ARG3 32
#define REQ_SOCK 40
#define REQ_MAP 48
#define REQ_MAP_SIZE 56
#define REQ_ERROR 64
#define REQ_ANSWER 68
#define REQ_MSG 72
#define REQ_IOV 128
#define REQ_CONTROL 144
#define REQ_FD 160
#define REQ_PREFIX 168
#define PREFIX_MAX 64

/* The two probes: lseek to PROBE_OFFSET succeeds only where any offset
   goes; no file of user space is PROBE_SIZE long or more.  */
#define PROBE_OFFSET 0xc0de000000001000
#define PROBE_SIZE 0x800000000000

struct request
{
  int64_t nr;			/* SYS_openat or SYS_openat2.  */
  int64_t dirfd;
  uint64_t path;
  uint64_t arg2;		/* Flags, or the struct open_how.  */
  uint64_t arg3;		/* Mode, or the size of the open_how.  */
  int64_t sock;			/* Where the answer goes.  */
  uint64_t map;			/* The mapping, unmapped by the helper.  */
  uint64_t map_size;
  int32_t error;		/* An error to send, as -errno.  */
  int32_t answer;		/* 0, sent with the descriptor.  */
  struct msghdr msg;		/* The descriptor's message.  */
  struct iovec iov;
  union
  {
    char buf[CMSG_SPACE (sizeof (int))];
    struct cmsghdr align;
  } control;
  char prefix[PREFIX_MAX];	/* "" or the directory to open first.  */
};

_Static_assert (offsetof (struct request, nr) == REQ_NR, "REQ_NR");
_Static_assert (offsetof (struct request, dirfd) == REQ_DIRFD, "REQ_DIRFD");
_Static_assert (offsetof (struct request, path) == REQ_PATH, "REQ_PATH");
_Static_assert (offsetof (struct request, arg2) == REQ_ARG2, "REQ_ARG2");
_Static_assert (offsetof (struct request, arg3) == REQ_ARG3, "REQ_ARG3");
_Static_assert (offsetof (struct request, sock) == REQ_SOCK, "REQ_SOCK");
_Static_assert (offsetof (struct request, map) == REQ_MAP, "REQ_MAP");
_Static_assert (offsetof (struct request, map_size) == REQ_MAP_SIZE,
		"REQ_MAP_SIZE");
_Static_assert (offsetof (struct request, error) == REQ_ERROR, "REQ_ERROR");
_Static_assert (offsetof (struct request, answer) == REQ_ANSWER,
		"REQ_ANSWER");
_Static_assert (offsetof (struct request, msg) == REQ_MSG, "REQ_MSG");
_Static_assert (offsetof (struct request, iov) == REQ_IOV, "REQ_IOV");
_Static_assert (offsetof (struct request, control) == REQ_CONTROL,
		"REQ_CONTROL");
_Static_assert (REQ_CONTROL + CMSG_LEN (0) == REQ_FD, "REQ_FD");
_Static_assert (offsetof (struct request, prefix) == REQ_PREFIX,
		"REQ_PREFIX");

/* The helper's mapping: the request, then its stack (which it does not
   use: the kernel needs one for a new thread).  */
#define MAP_SIZE (16 * 1024)

#define HELPER_CLONE_FLAGS (CLONE_VM | CLONE_FS | CLONE_SIGHAND | CLONE_THREAD)

_Static_assert (SYS_openat == 257 && SYS_lseek == 8 && SYS_clone == 56
		&& SYS_sendmsg == 46 && SYS_sendto == 44 && SYS_munmap == 11
		&& SYS_exit == 60 && SYS_rt_sigprocmask == 14,
		"x86-64 system call numbers");
_Static_assert (MSG_NOSIGNAL == 0x4000 && AT_FDCWD == -100 && EPERM == 1
		&& SYS_close == 3
		&& SEEK_SET == 0 && SEEK_END == 2 && SIG_SETMASK == 2,
		"constants of the helper");

/* long pkeyrt_raw_syscall (nr, a, b, c, d, e, f): a bare system call,
   returning -errno; it touches no errno, so signal handlers may use it.

   long pkeyrt_opener_spawn (struct request *req, void *stack_top): clone
   the helper thread, with every signal blocked around the clone so that
   the helper starts with them blocked, whoever calls this; the helper's
   tid, or -errno.  The helper follows; then the constant the mask is set
   from (in code, which the filter keeps anyone from rewriting).  */
__asm__ (".text\n"
	 "\t.hidden pkeyrt_raw_syscall\n"
	 "\t.globl pkeyrt_raw_syscall\n"
	 "\t.type pkeyrt_raw_syscall, @function\n"
	 "pkeyrt_raw_syscall:\n"
	 "\tmovq %rdi, %rax\n"
	 "\tmovq %rsi, %rdi\n"
	 "\tmovq %rdx, %rsi\n"
	 "\tmovq %rcx, %rdx\n"
	 "\tmovq %r8, %r10\n"
	 "\tmovq %r9, %r8\n"
	 "\tmovq 8(%rsp), %r9\n"
	 "\tsyscall\n"
	 "\tret\n"
	 "\t.size pkeyrt_raw_syscall, .-pkeyrt_raw_syscall\n"

	 "\t.hidden pkeyrt_opener_spawn\n"
	 "\t.globl pkeyrt_opener_spawn\n"
	 "\t.type pkeyrt_opener_spawn, @function\n"
	 "pkeyrt_opener_spawn:\n"
	 "\tpushq %rbx\n"
	 "\tpushq %r12\n"
	 "\tsubq $8, %rsp\n"		/* The caller's signal mask.  */
	 "\tmovq %rdi, %rbx\n"
	 "\tmovq %rsi, %r12\n"
	 "\tmovl $14, %eax\n"		/* rt_sigprocmask (SIG_SETMASK, */
	 "\tmovl $2, %edi\n"		/*   &all, &old, 8) */
	 "\tleaq pkeyrt_opener_all_signals(%rip), %rsi\n"
	 "\tmovq %rsp, %rdx\n"
	 "\tmovl $8, %r10d\n"
	 "\tsyscall\n"
	 "\tmovl $" PKEYRT_STRINGIFY (HELPER_CLONE_FLAGS) ", %edi\n"
	 "\tmovq %r12, %rsi\n"
	 "\txorl %edx, %edx\n"
	 "\txorl %r10d, %r10d\n"
	 "\txorl %r8d, %r8d\n"
	 "\tmovl $56, %eax\n"		/* clone */
	 "\tsyscall\n"
	 "\ttestq %rax, %rax\n"
	 "\tjz .Lhelper\n"
	 "\tmovq %rax, %r12\n"
	 "\tmovl $14, %eax\n"		/* rt_sigprocmask (SIG_SETMASK, */
	 "\tmovl $2, %edi\n"		/*   &old, NULL, 8) */
	 "\tmovq %rsp, %rsi\n"
	 "\txorl %edx, %edx\n"
	 "\tmovl $8, %r10d\n"
	 "\tsyscall\n"
	 "\tmovq %r12, %rax\n"
	 "\taddq $8, %rsp\n"
	 "\tpopq %r12\n"
	 "\tpopq %rbx\n"
	 "\tret\n"

	 /* The helper: %rbx is the request, %r13 the answer socket, %r12
	    the new descriptor.  What decides is in registers only.  */
	 ".Lhelper:\n"
	 "\tmovq " AT (REQ_SOCK) ", %r13\n"
	 "\tcmpb $0, " AT (REQ_PREFIX) "\n"
	 "\tje 1f\n"
	 "\tmovl $257, %eax\n"		/* openat (AT_FDCWD, prefix, ...) */
	 "\tmovq $-100, %rdi\n"
	 "\tleaq " AT (REQ_PREFIX) ", %rsi\n"
	 "\tmovl $" PKEYRT_STRINGIFY (PKEYRT_OPENER_PREFIX_FLAGS) ", %edx\n"
	 "\txorl %r10d, %r10d\n"
	 "\tsyscall\n"
	 "\t.hidden pkeyrt_opener_prefix_site\n"
	 "\t.globl pkeyrt_opener_prefix_site\n"
	 "pkeyrt_opener_prefix_site:\n"
	 "\ttestq %rax, %rax\n"
	 "\tjs .Lfail\n"
	 "\tmovq %rax, %rdi\n"
	 "\tjmp 2f\n"
	 "1:\tmovq " AT (REQ_DIRFD) ", %rdi\n"
	 "2:\tmovq " AT (REQ_NR) ", %rax\n"	/* openat or openat2 */
	 "\tmovq " AT (REQ_PATH) ", %rsi\n"
	 "\tmovq " AT (REQ_ARG2) ", %rdx\n"
	 "\tmovq " AT (REQ_ARG3) ", %r10\n"
	 "\tsyscall\n"
	 "\t.hidden pkeyrt_opener_site\n"
	 "\t.globl pkeyrt_opener_site\n"
	 "pkeyrt_opener_site:\n"
	 "\ttestq %rax, %rax\n"
	 "\tjs .Lfail\n"
	 "\tmovq %rax, %r12\n"
	 /* A directory reads no memory, and its end can be anything (an
	    ext4 hashed directory ends at 2^63 - 1): hand it over.  %r15 is
	    -ENOTDIR for anything else that is not O_PATH.  */
	 "\tmovl $257, %eax\n"		/* openat (fd, ".", O_PATH ...) */
	 "\tmovl %r12d, %edi\n"
	 "\tleaq .Ldot(%rip), %rsi\n"
	 "\tmovl $" PKEYRT_STRINGIFY (PKEYRT_OPENER_PREFIX_FLAGS) ", %edx\n"
	 "\txorl %r10d, %r10d\n"
	 "\tsyscall\n"
	 "\t.hidden pkeyrt_opener_dir_site\n"
	 "\t.globl pkeyrt_opener_dir_site\n"
	 "pkeyrt_opener_dir_site:\n"
	 "\tmovq %rax, %r15\n"
	 "\ttestq %rax, %rax\n"
	 "\tjs 4f\n"
	 "\tmovl $3, %eax\n"		/* close (it) */
	 "\tmovq %r15, %rdi\n"
	 "\tsyscall\n"
	 "\tjmp .Lsend\n"
	 /* Any offset goes: /proc/PID/mem, /dev/mem, /dev/kmem, /dev/port
	    (and /proc/PID/pagemap).  */
	 "4:\n"
	 "\tmovl $8, %eax\n"		/* lseek (fd, PROBE_OFFSET, SEEK_SET) */
	 "\tmovl %r12d, %edi\n"
	 "\tmovabsq $" PKEYRT_STRINGIFY (PROBE_OFFSET) ", %rsi\n"
	 "\txorl %edx, %edx\n"
	 "\tsyscall\n"
	 "\tmovabsq $" PKEYRT_STRINGIFY (PROBE_OFFSET) ", %r14\n"
	 "\tcmpq %r14, %rax\n"
	 "\tje .Lrefuse\n"
	 /* Larger than user space: /proc/kcore.  */
	 "\tcmpq $" PKEYRT_STRINGIFY (-ENOTDIR) ", %r15\n"
	 "\tjne 3f\n"
	 "\tmovl $8, %eax\n"		/* lseek (fd, 0, SEEK_END) */
	 "\tmovl %r12d, %edi\n"
	 "\txorl %esi, %esi\n"
	 "\tmovl $2, %edx\n"
	 "\tsyscall\n"
	 "\ttestq %rax, %rax\n"
	 "\tjs 3f\n"
	 "\tmovabsq $" PKEYRT_STRINGIFY (PROBE_SIZE) ", %r14\n"
	 "\tcmpq %r14, %rax\n"
	 "\tjae .Lrefuse\n"
	 "3:\tmovl $8, %eax\n"		/* lseek (fd, 0, SEEK_SET) */
	 "\tmovl %r12d, %edi\n"
	 "\txorl %esi, %esi\n"
	 "\txorl %edx, %edx\n"
	 "\tsyscall\n"
	 /* Hand it over: whatever another thread writes into the message,
	    it can only name descriptors of this table, which are ours
	    already or checked.  */
	 ".Lsend:\n"
	 "\tmovl %r12d, " AT (REQ_FD) "\n"
	 "\tmovl $0, " AT (REQ_ANSWER) "\n"
	 "\tmovl $46, %eax\n"		/* sendmsg (sock, &msg, MSG_NOSIGNAL) */
	 "\tmovl %r13d, %edi\n"
	 "\tleaq " AT (REQ_MSG) ", %rsi\n"
	 "\tmovl $0x4000, %edx\n"
	 "\tsyscall\n"
	 "\tjmp .Lend\n"
	 ".Lrefuse:\n"
	 "\tmovq $-1, %rax\n"		/* -EPERM */
	 ".Lfail:\n"			/* sendto (sock, &error, 4, ...) */
	 "\tmovl %eax, " AT (REQ_ERROR) "\n"
	 "\tmovl $44, %eax\n"
	 "\tmovl %r13d, %edi\n"
	 "\tleaq " AT (REQ_ERROR) ", %rsi\n"
	 "\tmovl $4, %edx\n"
	 "\tmovl $0x4000, %r10d\n"
	 "\txorl %r8d, %r8d\n"
	 "\txorl %r9d, %r9d\n"
	 "\tsyscall\n"
	 /* Exit; the descriptor goes with this thread's table.  */
	 ".Lend:\n"			/* munmap (map, size); exit (0) */
	 "\tmovq " AT (REQ_MAP) ", %rdi\n"
	 "\tmovq " AT (REQ_MAP_SIZE) ", %rsi\n"
	 "\tmovl $11, %eax\n"
	 "\tsyscall\n"
	 "\tmovl $60, %eax\n"
	 "\txorl %edi, %edi\n"
	 "\tsyscall\n"
	 "\tud2\n"
	 "\t.size pkeyrt_opener_spawn, .-pkeyrt_opener_spawn\n"

	 ".Ldot:\n"
	 "\t.asciz \".\"\n"
	 "\t.p2align 3\n"
	 "\t.type pkeyrt_opener_all_signals, @object\n"
	 "pkeyrt_opener_all_signals:\n"
	 "\t.quad -1\n"
	 "\t.size pkeyrt_opener_all_signals, 8\n");

extern long pkeyrt_opener_spawn (struct request *req, void *stack_top)
  __attribute__ ((visibility ("hidden")));

#define RAW(nr, a, b, c, d) \
  pkeyrt_raw_syscall ((nr), (long) (a), (long) (b), (long) (c), (long) (d), \
		      0, 0)

/* Copy N bytes at SRC to DST through the socket pair SV, so that a bad
   address is EFAULT, not a fault in a signal handler.  */

static long
peek (const int sv[2], const void *src, void *dst, size_t n)
{
  long r = pkeyrt_raw_syscall (SYS_sendto, sv[1], (long) src, (long) n,
			       MSG_DONTWAIT | MSG_NOSIGNAL, 0, 0);

  if (r < 0)
    return r;
  r = pkeyrt_raw_syscall (SYS_recvfrom, sv[0], (long) dst, (long) n,
			  MSG_DONTWAIT, 0, 0);
  return r == (long) n ? 0 : -EFAULT;
}

/* If PATH starts with /proc/thread-self, set REQ up to open the rest
   relative to the calling thread's /proc directory.  */

static void
thread_self (const int sv[2], struct request *req, const char *path)
{
  static const char name[] = "/proc/thread-self";
  const size_t len = sizeof name - 1;
  char head[sizeof name], c;
  const char *rest;
  long n;

  if (peek (sv, path, head, sizeof head) != 0
      || memcmp (head, name, len) != 0
      || (head[len] != '\0' && head[len] != '/'))
    return;
  memcpy (req->prefix, "/proc/", 6);
  n = RAW (SYS_readlink, name, req->prefix + 6, PREFIX_MAX - 7, 0);
  if (n <= 0)
    {
      req->prefix[0] = '\0';
      return;
    }
  req->prefix[6 + n] = '\0';
  rest = path + len;
  /* openat with the directory: the rest must be relative.  */
  while (peek (sv, rest, &c, 1) == 0 && c == '/')
    rest++;
  if (peek (sv, rest, &c, 1) != 0 || c == '\0')
    rest = ".";
  req->path = (uint64_t) rest;
}

/* Wait for the answer on SOCK: a descriptor or -errno.  */

static long
receive (int sock, int cloexec)
{
  union
  {
    char buf[CMSG_SPACE (sizeof (int))];
    struct cmsghdr align;
  } control;
  int answer = -EPERM, fd = -1;
  struct iovec iov = { &answer, sizeof answer };
  struct msghdr msg;
  struct cmsghdr *c;
  long n;

  memset (&msg, 0, sizeof msg);
  memset (&control, 0, sizeof control);
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control.buf;
  msg.msg_controllen = sizeof control.buf;
  /* Like an open with SA_RESTART: a signal handler runs, the wait goes
     on (an open of a FIFO may wait long).  */
  do
    n = RAW (SYS_recvmsg, sock, &msg, cloexec ? MSG_CMSG_CLOEXEC : 0, 0);
  while (n == -EINTR);
  if (n < 0)
    return n;
  c = CMSG_FIRSTHDR (&msg);
  if (c != NULL && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS
      && c->cmsg_len == CMSG_LEN (sizeof (int)))
    memcpy (&fd, CMSG_DATA (c), sizeof fd);
  if (msg.msg_flags & MSG_CTRUNC)
    answer = -EMFILE;
  /* No answer (the helper died) is a refusal.  */
  else if (n != sizeof answer)
    answer = -EPERM;
  else if (answer == 0 && fd < 0)
    answer = -EPERM;
  if (answer < 0)
    {
      if (fd >= 0)
	RAW (SYS_close, fd, 0, 0, 0);
      return answer;
    }
  return fd;
}

/* FD came while the socket pair held two numbers: give it the lowest
   free number, which open would have given.  */

static long
lowest (long fd, int cloexec)
{
  long low = RAW (SYS_fcntl, fd, cloexec ? F_DUPFD_CLOEXEC : F_DUPFD, 0, 0);

  if (low < 0)
    return fd;
  if (low > fd)
    {
      RAW (SYS_close, low, 0, 0, 0);
      return fd;
    }
  RAW (SYS_close, fd, 0, 0, 0);
  return low;
}

/* Open through the helper: NR is SYS_openat (ARG2 the flags, ARG3 the
   mode) or SYS_openat2 (ARG2 the struct open_how, ARG3 its size).
   Returns the descriptor or -errno.  Async-signal-safe.  */

long
pkeyrt_opener_open (long nr, long dirfd, const char *path,
		    unsigned long arg2, unsigned long arg3)
{
  int sv[2], cloexec;
  struct request *req;
  struct cmsghdr *c;
  long r, map, tid;

  r = RAW (SYS_socketpair, AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv);
  if (r < 0)
    return r;
  map = pkeyrt_raw_syscall (SYS_mmap, 0, MAP_SIZE, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map < 0 && map > -4096)
    {
      RAW (SYS_close, sv[0], 0, 0, 0);
      RAW (SYS_close, sv[1], 0, 0, 0);
      return map;
    }
  req = (struct request *) map;
  req->nr = nr;
  req->dirfd = dirfd;
  req->path = (uint64_t) path;
  req->arg2 = arg2;
  req->arg3 = arg3;
  req->sock = sv[1];
  req->map = (uint64_t) map;
  req->map_size = MAP_SIZE;
  req->iov.iov_base = &req->answer;
  req->iov.iov_len = sizeof req->answer;
  req->msg.msg_iov = &req->iov;
  req->msg.msg_iovlen = 1;
  req->msg.msg_control = req->control.buf;
  req->msg.msg_controllen = sizeof req->control.buf;
  c = CMSG_FIRSTHDR (&req->msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN (sizeof (int));
  if (nr == SYS_openat)
    cloexec = (arg2 & O_CLOEXEC) != 0;
  else
    {
      uint64_t flags = 0;

      peek (sv, (const void *) arg2, &flags, sizeof flags);
      cloexec = (flags & O_CLOEXEC) != 0;
    }
  thread_self (sv, req, path);
  tid = pkeyrt_opener_spawn (req, (char *) map + MAP_SIZE);
  RAW (SYS_close, sv[1], 0, 0, 0);
  if (tid < 0)
    {
      RAW (SYS_munmap, map, MAP_SIZE, 0, 0);
      r = tid;
    }
  else
    r = receive (sv[0], cloexec);
  RAW (SYS_close, sv[0], 0, 0, 0);
  return r < 0 ? r : lowest (r, cloexec);
}

/* SIGSYS from the filter: serve the open family, nothing else.  */

static void
sigsys_handler (int sig, siginfo_t *info, void *ctx)
{
  greg_t *r = ((ucontext_t *) ctx)->uc_mcontext.gregs;
  long result;

  (void) sig;
  if (info->si_code != SYS_SECCOMP)
    return;
  switch (info->si_syscall)
    {
    case SYS_open:
      result = pkeyrt_opener_open (SYS_openat, AT_FDCWD,
				   (const char *) r[REG_RDI],
				   (unsigned int) r[REG_RSI],
				   (unsigned int) r[REG_RDX]);
      break;
    case SYS_creat:
      result = pkeyrt_opener_open (SYS_openat, AT_FDCWD,
				   (const char *) r[REG_RDI],
				   O_CREAT | O_WRONLY | O_TRUNC,
				   (unsigned int) r[REG_RSI]);
      break;
    case SYS_openat:
      result = pkeyrt_opener_open (SYS_openat, (int) r[REG_RDI],
				   (const char *) r[REG_RSI],
				   (unsigned int) r[REG_RDX],
				   (unsigned int) r[REG_R10]);
      break;
    case SYS_openat2:
      result = pkeyrt_opener_open (SYS_openat2, (int) r[REG_RDI],
				   (const char *) r[REG_RSI],
				   (unsigned long) r[REG_RDX],
				   (unsigned long) r[REG_R10]);
      break;
    default:
      result = -ENOSYS;
      break;
    }
  r[REG_RAX] = result;
}

void
pkeyrt_opener_install (void)
{
  struct sigaction sa;

  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = sigsys_handler;
  sigemptyset (&sa.sa_mask);
  /* SA_NODEFER: a handler of the program that interrupts the wait and
     opens a file must not find SIGSYS blocked (the kernel would kill the
     process).  The handler keeps no state between calls.  */
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  if (sigaction (SIGSYS, &sa, NULL) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_HARDEN, "harden=1: cannot install the "
		  "SIGSYS handler: %s", strerror (errno));
}
