/* sync.c -- give the threads that existed before a hardware key its
   default rights.

   pkey_alloc sets the rights of the calling thread only.  Every other
   thread keeps whatever its PKRU says for the free key: access disabled
   under the kernel's default value, but open if other code of that thread
   opened it (a pkey_alloc without restrictions and a pkey_free, or its own
   WRPKRU).  A thread cannot write another thread's PKRU, but a signal
   handler can edit the PKRU the kernel saved in its signal frame, and
   sigreturn loads it.  So after new hardware keys appear (a unit's
   constructor, a dlopen, pkeyplug_malloc with a new name), each other
   thread gets a signal whose handler sets the new keys' bits in its frame
   to their policy, and the caller waits until every thread that can take
   the signal has taken it.

   Only the new keys' bits change: the other keys may be held by a grant
   of the interrupted thread, and the checked exit gates put back only
   their own key's bits, so the edit survives them (gates=fast exit gates
   write back a whole PKRU and can undo it).

   A thread that blocks the signal cannot be reached; it keeps its bits
   for the new keys, and verbose=1 says how many such threads there were.
   A signal that arrives after its round ended (the thread unblocked it
   late) changes nothing: by then the thread may hold a grant of the key.

   The signal is SIGRTMAX.  The handler stays installed once a round has
   needed it (a signal still queued must never meet SIG_DFL, which would
   end the process); any SIGRTMAX that is not one of ours goes on to the
   handler that was there before.  */

#include "pkeyrt.h"

#include <cpuid.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

/* The XSAVE component number of PKRU, and the magic number the kernel
   puts in the software-reserved bytes of a signal frame's FXSAVE area
   when an XSAVE area follows it.  */
#define PKRU_COMPONENT 9
#define XSTATE_MAGIC 0x46505853u
#define FXSAVE_SW_BYTES 464
#define XSAVE_HEADER 512

/* How long a round waits for the threads that do not block the signal,
   and for those that do.  */
#define ROUND_TIMEOUT_MS 2000
#define GRACE_MS 20

/* What became of a target that did not take the signal.  */
#define TARGET_GONE (-1)
#define TARGET_BLOCKS (-2)

/* Bytes 464..511 of the FXSAVE area of a signal frame.  */
struct sw_bytes
{
  uint32_t magic1;
  uint32_t extended_size;
  uint64_t xfeatures;
  uint32_t xstate_size;
};

/* One thread of a round.  */
struct target
{
  pid_t tid;
  volatile int acked;		/* 1: set by its handler; or TARGET_*.  */
};

/* The round in progress; the handler reads it.  ROUND is 0 between
   rounds.  */
static struct target *targets;
static size_t ntargets;
static volatile int round_id;
static uint32_t clear_bits, set_bits;
static uint32_t pkru_offset;	/* Of PKRU in the XSAVE area, from CPUID.  */
static volatile int frames_unusable;	/* A frame had no PKRU to edit.  */

static pthread_mutex_t sync_mutex = PTHREAD_MUTEX_INITIALIZER;
static uint32_t pending_keys;	/* Bit per hw key; under pkeyrt_lock.  */
static int syncing;		/* A round for taken keys is running.  */
static struct sigaction previous;
static int last_round;

/* fork: the child must find SYNC_MUTEX free and no round running.  It
   is not taken in a prepare handler: the round is entered with other
   locks held (pkeyplug_malloc's heap lock), and taking it before theirs
   at fork would invert their order.  The child has one thread and runs
   no round of the parent's, so it starts afresh.  */

static void
reset_after_fork (void)
{
  pthread_mutex_init (&sync_mutex, NULL);
  syncing = 0;
  round_id = 0;
}

static void
watch_forks (void)
{
  pthread_atfork (NULL, NULL, reset_after_fork);
}

/* Called with pkeyrt_lock held when KEY became a new hardware key.  */

void
pkeyrt_sync_note_key (int hw_key)
{
  pending_keys |= 1u << hw_key;
}

/* Hand a SIGRTMAX that is not ours to the handler before us.  */

static void
chain (int sig, siginfo_t *info, void *ctx)
{
  if (previous.sa_flags & SA_SIGINFO)
    previous.sa_sigaction (sig, info, ctx);
  else if (previous.sa_handler == SIG_DFL)
    {
      /* Ours is gone for good after this: the default action ends the
	 process.  */
      signal (sig, SIG_DFL);
      raise (sig);
    }
  else if (previous.sa_handler != SIG_IGN)
    previous.sa_handler (sig);
}

/* Set the new keys' bits of the PKRU saved in the signal frame of CTX.
   Return 0 if the frame holds no XSAVE area with PKRU.  */

static int
edit_frame_pkru (void *ctx)
{
  ucontext_t *uc = ctx;
  unsigned char *fx = (unsigned char *) uc->uc_mcontext.fpregs;
  struct sw_bytes sw;
  uint64_t bv;
  uint32_t pkru;

  if (fx == NULL || pkru_offset == 0)
    return 0;
  memcpy (&sw, fx + FXSAVE_SW_BYTES, sizeof sw);
  if (sw.magic1 != XSTATE_MAGIC
      || !(sw.xfeatures & (1ull << PKRU_COMPONENT))
      || pkru_offset + sizeof pkru > sw.xstate_size)
    return 0;
  memcpy (&bv, fx + XSAVE_HEADER, sizeof bv);
  /* A clear bit in XSTATE_BV means PKRU was in its initial state, 0.  */
  pkru = 0;
  if (bv & (1ull << PKRU_COMPONENT))
    memcpy (&pkru, fx + pkru_offset, sizeof pkru);
  pkru = (pkru & ~clear_bits) | set_bits;
  memcpy (fx + pkru_offset, &pkru, sizeof pkru);
  bv |= 1ull << PKRU_COMPONENT;
  memcpy (fx + XSAVE_HEADER, &bv, sizeof bv);
  return 1;
}

static void
sync_handler (int sig, siginfo_t *info, void *ctx)
{
  int saved_errno = errno;
  pid_t tid;
  size_t i;

  if (info->si_code != SI_QUEUE || info->si_pid != getpid ())
    {
      chain (sig, info, ctx);
      errno = saved_errno;
      return;
    }
  /* Ours, but of a round that is over: change nothing.  */
  if (info->si_value.sival_int != round_id || round_id == 0)
    {
      errno = saved_errno;
      return;
    }
  tid = (pid_t) syscall (SYS_gettid);
  for (i = 0; i < ntargets; i++)
    if (targets[i].tid == tid && !targets[i].acked)
      {
	if (!edit_frame_pkru (ctx))
	  frames_unusable = 1;
	__atomic_store_n (&targets[i].acked, 1, __ATOMIC_RELEASE);
      }
  errno = saved_errno;
}

/* Install the handler unless it is there already (after the first round,
   unless the program put its own in its place since).  */

static int
install_handler (void)
{
  struct sigaction sa, now;

  if (sigaction (SIGRTMAX, NULL, &now) == 0
      && (now.sa_flags & SA_SIGINFO) && now.sa_sigaction == sync_handler)
    return 1;
  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = sync_handler;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigfillset (&sa.sa_mask);
  return sigaction (SIGRTMAX, &sa, &previous) == 0;
}

/* Whether thread TID blocks SIGRTMAX, from /proc/self/task/TID/status.  */

static int
blocks_signal (pid_t tid)
{
  char path[64], buf[2048], *p;
  unsigned long long blocked;
  ssize_t n;
  int fd;

  snprintf (path, sizeof path, "/proc/self/task/%d/status", (int) tid);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  n = read (fd, buf, sizeof buf - 1);
  close (fd);
  if (n <= 0)
    return 0;
  buf[n] = '\0';
  p = strstr (buf, "\nSigBlk:");
  if (p == NULL || sscanf (p + 8, "%llx", &blocked) != 1)
    return 0;
  return (blocked >> (SIGRTMAX - 1)) & 1;
}

/* Fill TARGETS with the other threads of the process.  Return the number
   found, or -1 if /proc cannot be read.  */

static long
list_threads (size_t *alloc)
{
  pid_t self = (pid_t) syscall (SYS_gettid);
  struct dirent *d;
  DIR *dir = opendir ("/proc/self/task");
  long n = 0;

  if (dir == NULL)
    return -1;
  while ((d = readdir (dir)) != NULL)
    {
      pid_t tid = (pid_t) atoi (d->d_name);
      struct target *grown;

      if (tid <= 0 || tid == self)
	continue;
      if ((size_t) n == *alloc)
	{
	  /* The old array is kept: a handler of the last round may still
	     be reading it.  */
	  grown = malloc (2 * (*alloc + 8) * sizeof *targets);
	  if (grown == NULL)
	    {
	      closedir (dir);
	      return -1;
	    }
	  if (n > 0)
	    memcpy (grown, targets, n * sizeof *targets);
	  *alloc = 2 * (*alloc + 8);
	  targets = grown;
	}
      targets[n].tid = tid;
      targets[n].acked = 0;
      n++;
    }
  closedir (dir);
  return n;
}

/* Whether thread TID still exists.  */

static int
alive (pid_t tid)
{
  return syscall (SYS_tgkill, getpid (), tid, 0) == 0 || errno != ESRCH;
}

/* Signal every other thread and wait for those that can take it.  A
   thread that blocks the signal gets GRACE_MS to unblock it (it may just
   be inside pkeyrt_lock).  Return the number of threads reached, and in
   *OTHERS the number that did not end meanwhile.  */

static long
run_round (long n, long *others)
{
  siginfo_t si;
  struct timespec pause = { 0, 1000000 };
  long i, reached = 0, waiting;
  int ms;

  ++last_round;
  if (last_round <= 0)
    last_round = 1;
  ntargets = (size_t) n;
  frames_unusable = 0;
  __atomic_store_n (&round_id, last_round, __ATOMIC_SEQ_CST);

  for (i = 0; i < n; i++)
    {
      memset (&si, 0, sizeof si);
      si.si_signo = SIGRTMAX;
      si.si_code = SI_QUEUE;
      si.si_pid = getpid ();
      si.si_uid = getuid ();
      si.si_value.sival_int = last_round;
      if (syscall (SYS_rt_tgsigqueueinfo, getpid (), targets[i].tid,
		   SIGRTMAX, &si) != 0)
	targets[i].acked = TARGET_GONE;
    }

  for (ms = 0; ms < ROUND_TIMEOUT_MS; ms++)
    {
      waiting = 0;
      for (i = 0; i < n; i++)
	if (__atomic_load_n (&targets[i].acked, __ATOMIC_ACQUIRE) == 0)
	  {
	    if (!alive (targets[i].tid))
	      targets[i].acked = TARGET_GONE;
	    else if (ms >= GRACE_MS && blocks_signal (targets[i].tid))
	      targets[i].acked = TARGET_BLOCKS;
	    else
	      waiting++;
	  }
      if (waiting == 0)
	break;
      if (ms < 10)
	sched_yield ();
      else
	nanosleep (&pause, NULL);
    }

  /* A signal that arrives from now on changes nothing.  */
  __atomic_store_n (&round_id, 0, __ATOMIC_SEQ_CST);
  *others = 0;
  for (i = 0; i < n; i++)
    {
      int acked = __atomic_load_n (&targets[i].acked, __ATOMIC_ACQUIRE);

      reached += acked == 1;
      *others += acked != TARGET_GONE;
    }
  return reached;
}

/* The PKRU bits of the keys in KEYS (a bit per hw key) under their
   policies, and the mask of those bits.  */

static void
policy_bits (uint32_t keys, uint32_t *clear, uint32_t *set)
{
  uint32_t i;

  *clear = *set = 0;
  for (i = 0; i < pkeyrt_nkeys; i++)
    {
      const struct pkeyrt_key *key = &pkeyrt_keys[i];
      unsigned int shift = 2 * (unsigned int) key->hw_key;

      if (key->gate != PKEYPLUG_GATE_HW || !(keys & (1u << key->hw_key)))
	continue;
      *clear |= 3u << shift;
      *set |= pkeyrt_policy_rights (key->policy) << shift;
    }
  /* The ledger of sealed gates: readable.  */
  if (pkeyrt_sealed () && (keys & (1u << pkeyrt_seal_config.pkey)))
    {
      *clear |= pkeyrt_seal_config.bits;
      *set |= pkeyrt_seal_config.bits & 0xaaaaaaaau;
    }
}

/* Run a round for the hardware keys KEYS (a bit per key), whose bits are
   in CLEAR_BITS and SET_BITS already.  ALLOC is the size of TARGETS.  */

static void
sync_keys (uint32_t keys, size_t *alloc)
{
  unsigned int eax, ebx, ecx, edx;
  long n, others, reached;

  n = list_threads (alloc);
  if (n < 0)
    {
      pkeyrt_note ("cannot list this process's threads (/proc/self/task): "
		   "threads that existed before a new key keep their own "
		   "rights on it");
      return;
    }
  if (n == 0)
    return;
  if (pkru_offset == 0 && __get_cpuid_count (0xd, PKRU_COMPONENT,
					      &eax, &ebx, &ecx, &edx))
    pkru_offset = ebx;
  if (!install_handler ())
    {
      pkeyrt_note ("cannot install the SIGRTMAX handler: threads that "
		   "existed before a new key keep their own rights on it");
      return;
    }

  reached = run_round (n, &others);
  if (frames_unusable)
    pkeyrt_note ("a signal frame held no PKRU to edit: threads that "
		 "existed before a new key may keep their own rights on it");
  else if (reached < others)
    {
      if (pkeyrt_config->opt.verbose)
	pkeyrt_note ("older threads: %ld of %ld block SIGRTMAX; their "
		     "rights on the new key%s stay as they were",
		     others - reached, others,
		     (keys & (keys - 1)) ? "s" : "");
    }
  else if (pkeyrt_config->opt.verbose)
    pkeyrt_note ("older threads: %ld of %ld got the default rights on "
		 "the new key%s", reached, others,
		 (keys & (keys - 1)) ? "s" : "");
}

/* Give the threads that existed before the hardware keys made since the
   last call their default rights on them.  Call without pkeyrt_lock.  */

void
pkeyrt_sync_threads (void)
{
  static size_t alloc;
  static pthread_once_t fork_once = PTHREAD_ONCE_INIT;
  pkeyrt_lock_state st;
  sigset_t all, old;
  uint32_t keys;

  pkeyrt_lock (&st);
  keys = pending_keys;
  pkeyrt_unlock (&st);
  /* Nothing new, and no other thread is syncing keys that may be ours.  */
  if (keys == 0 && !__atomic_load_n (&syncing, __ATOMIC_ACQUIRE))
    return;

  pthread_once (&fork_once, watch_forks);
  sigfillset (&all);
  pthread_sigmask (SIG_BLOCK, &all, &old);
  pthread_mutex_lock (&sync_mutex);
  pkeyrt_lock (&st);
  keys = pending_keys;
  pending_keys = 0;
  policy_bits (keys, &clear_bits, &set_bits);
  if (keys != 0)
    __atomic_store_n (&syncing, 1, __ATOMIC_RELEASE);
  pkeyrt_unlock (&st);
  if (keys != 0)
    sync_keys (keys, &alloc);
  __atomic_store_n (&syncing, 0, __ATOMIC_RELEASE);
  pthread_mutex_unlock (&sync_mutex);
  pthread_sigmask (SIG_SETMASK, &old, NULL);
}
