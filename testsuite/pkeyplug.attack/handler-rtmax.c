/* The runtime's SIGRTMAX handler (the one that gives threads older than
   a new hardware key its default rights by editing the PKRU in their
   signal frames), found with sigaction and called directly, in hw mode,
   with forged siginfo (the runtime's own si_code and si_pid, round
   numbers 0 to 7) and a forged frame whose saved PKRU opens everything.
   It only ever edits the frame it is given, towards a new key's policy,
   and only during a round: no thread's rights are raised, the main
   thread's PKRU stays as it was.
   The limit: a thread that forges the call during a round, with the
   round's number, is counted as reached though its real frame was never
   edited.  Like a thread that blocks SIGRTMAX it keeps its own bits for
   the new key (here left open beforehand by pkey_alloc and pkey_free of
   the key number the runtime gets next), but verbose=1 says every older
   thread got the default rights.  harden=1 refuses new keys once main
   has started, so with it there are no rounds to forge into.  */
/* { dg-do run } */
/* { dg-require-pku "" } */
/* { dg-env PKEYPLUG_OPTIONS verbose=1 } */

#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#include "../pkeyplug.run/probe.h"
#include <pkeyplug.h>

char secret[64] PKEY_PROTECT ("vault") = "s3cret";

typedef void handler_fn (int, siginfo_t *, void *);

static handler_fn *handler;
static volatile int forging;
static int pipe_fds[2];
static unsigned char *late, *later;

/* A forged frame: ucontext, and an XSAVE area whose PKRU is 0 (every key
   open), marked as a real frame's is.  */
static ucontext_t frame;
static unsigned char xsave[4096] __attribute__ ((aligned (64)));

static void
forge_frame (void)
{
  uint32_t magic = 0x46505853u, size = sizeof xsave;
  uint64_t features = ~0ull;

  memset (xsave, 0, sizeof xsave);
  memcpy (xsave + 464, &magic, 4);
  memcpy (xsave + 468, &size, 4);
  memcpy (xsave + 472, &features, 8);
  memcpy (xsave + 480, &size, 4);
  memcpy (xsave + 512, &features, 8);
  memset (&frame, 0, sizeof frame);
  frame.uc_mcontext.fpregs = (fpregset_t) xsave;
}

/* Call the handler as if the runtime's round ROUND had signalled us.  */
static void
forge (int round)
{
  siginfo_t si;

  memset (&si, 0, sizeof si);
  si.si_signo = SIGRTMAX;
  si.si_code = SI_QUEUE;
  si.si_pid = getpid ();
  si.si_uid = getuid ();
  si.si_value.sival_int = round;
  handler (SIGRTMAX, &si, &frame);
}

static void *
older_thread (void *unused)
{
  sigset_t rtmax;
  char c;
  int round, key;

  (void) unused;
  /* Reached by the first round, which installs the handler.  */
  if (read (pipe_fds[0], &c, 1) != 1)
    return NULL;
  /* Open the key number the runtime gets next, for this thread only.  */
  key = pkey_alloc (0, 0);
  pkey_free (key);
  sigemptyset (&rtmax);
  sigaddset (&rtmax, SIGRTMAX);
  pthread_sigmask (SIG_BLOCK, &rtmax, NULL);
  forging = 1;
  while (forging)
    for (round = 0; round < 8; round++)
      forge (round);
  /* The real signal comes now, after its round.  */
  pthread_sigmask (SIG_UNBLOCK, &rtmax, NULL);
  printf ("older thread: key %d, can read vault %d, late %d, later %d\n",
	  key == pkeyplug_key_of ("later"), CAN_READ (secret[0]),
	  CAN_READ (late[0]), CAN_READ (later[0]));
  return NULL;
}

int
main (void)
{
  unsigned int pkru;
  struct sigaction sa;
  pthread_t t;
  int round;

  /* In order with the runtime's notes on stderr.  */
  setvbuf (stdout, NULL, _IONBF, 0);
  forge_frame ();
  if (pipe (pipe_fds) != 0)
    return 1;
  pthread_create (&t, NULL, older_thread, NULL);
  late = pkeyplug_malloc ("late", 16);
  sigaction (SIGRTMAX, NULL, &sa);
  handler = sa.sa_sigaction;
  printf ("runtime's handler %d\n", (sa.sa_flags & SA_SIGINFO) != 0);

  pkru = probe_rdpkru ();
  for (round = 0; round < 8; round++)
    forge (round);
  printf ("between rounds: pkru unchanged %d, can read vault %d, late %d\n",
	  probe_rdpkru () == pkru, CAN_READ (secret[0]), CAN_READ (late[0]));

  if (write (pipe_fds[1], "x", 1) != 1)
    return 1;
  while (!forging)
    usleep (1000);
  later = pkeyplug_malloc ("later", 16);
  forging = 0;
  pthread_join (t, NULL);
  printf ("main thread: can read vault %d, late %d, later %d\n",
	  CAN_READ (secret[0]), CAN_READ (late[0]), CAN_READ (later[0]));
  return 0;
}
/* { dg-output "pkeyplug: key 'vault' -> hw key \[0-9\]+, 1 object, 1 page\n" } */
/* { dg-output "pkeyplug: key 'late' -> hw key \[0-9\]+, made by pkeyplug_malloc\n" } */
/* { dg-output "pkeyplug: older threads: 1 of 1 got the default rights on the new key\n" } */
/* { dg-output "runtime's handler 1\n" } */
/* { dg-output "between rounds: pkru unchanged 1, can read vault 0, late 0\n" } */
/* { dg-output "pkeyplug: key 'later' -> hw key \[0-9\]+, made by pkeyplug_malloc\n" } */
/* { dg-output "pkeyplug: older threads: 1 of 1 got the default rights on the new key\n" } */
/* { dg-output "older thread: key 1, can read vault 0, late 0, later 1\n" } */
/* { dg-output "main thread: can read vault 0, late 0, later 0\n" } */
