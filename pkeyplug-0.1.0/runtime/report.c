/* report.c -- everything the runtime says on stderr: fatal start-up
   messages, verbose notes, and the report of a protection violation.

   The SIGSEGV handler looks the faulting address up among the protected
   objects the units registered, then among the heap arenas (heap.c).  A
   hit is a violation: it says which object or heap block, which key and
   which code, then aborts; with report=continue-in-emulate, a violation
   of an emulated key lets the access through once instead (step.c) and
   the program goes on.  Any other fault goes to whatever handler was
   installed before ours, or gets the default action.

   The handler builds its text by hand in a stack buffer and writes it with
   write (2): no stdio, no malloc.  (dladdr is the one call that is not
   async-signal-safe; the process dies right after it anyway.)  The object
   list is appended to under pkeyrt_lock and read by the handler without
   it, so it is a list of fixed chunks that are never moved or freed.  */

#include "pkeyrt.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef SEGV_PKUERR
# define SEGV_PKUERR 4
#endif

/* x86 page-fault error code: the access was a write.  */
#define PF_WRITE (1UL << 1)

/* Write all LEN bytes at BUF to stderr.  */

static void
write_all (const char *buf, size_t len)
{
  while (len > 0)
    {
      ssize_t n = write (STDERR_FILENO, buf, len);

      if (n < 0 && errno == EINTR)
	continue;
      if (n <= 0)
	return;
      buf += n;
      len -= (size_t) n;
    }
}

/* Print "pkeyplug: " FMT "\n" on stderr, in one write.  */

static void
vmessage (const char *fmt, va_list ap)
{
  char buf[1024];
  int n = snprintf (buf, sizeof buf, "pkeyplug: ");
  int m = vsnprintf (buf + n, sizeof buf - n - 1, fmt, ap);

  if (m < 0)
    m = 0;
  n += m;
  if (n > (int) sizeof buf - 2)
    n = sizeof buf - 2;
  buf[n++] = '\n';
  write_all (buf, n);
}

void
pkeyrt_fatal (int status, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  vmessage (fmt, ap);
  va_end (ap);
  _exit (status);
}

void
pkeyrt_note (const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  vmessage (fmt, ap);
  va_end (ap);
}

/* Abort, as a violation does.  A user's SIGABRT handler must not turn
   this into anything but 134.  */

static void __attribute__ ((noreturn))
die (void)
{
  struct sigaction dfl;


  memset (&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset (&dfl.sa_mask);
  sigaction (SIGABRT, &dfl, NULL);
  abort ();
}

/* The program misused the runtime (pkeyplug_free of a foreign pointer):
   say so in one line and abort.  */

void
pkeyrt_abort (const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  vmessage (fmt, ap);
  va_end (ap);
  die ();
}

/* The registered objects.  */

#define CHUNK_OBJECTS 255

struct object_chunk
{
  struct object_chunk *next;	/* Older chunk.  */
  uint32_t count;		/* Entries published so far.  */
  struct pkeyrt_object objects[CHUNK_OBJECTS];
};

static struct object_chunk *newest_chunk;

/* Remember OBJ for the handler.  Called with pkeyrt_lock held.  */

void
pkeyrt_add_object (const struct pkeyrt_object *obj)
{
  struct object_chunk *c = newest_chunk;

  if (c == NULL || c->count == CHUNK_OBJECTS)
    {
      struct object_chunk *n = calloc (1, sizeof *n);

      if (n == NULL)
	pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "out of memory");
      n->next = c;
      __atomic_store_n (&newest_chunk, n, __ATOMIC_RELEASE);
      c = n;
    }
  c->objects[c->count] = *obj;
  /* The entry is complete before the handler can see it.  */
  __atomic_store_n (&c->count, c->count + 1, __ATOMIC_RELEASE);
}

/* The object ADDR belongs to: the one that contains it, else the nearest
   one whose pages contain it (protected pages hold only protected objects
   of one key, so a fault on their padding is still that key's).  */

static const struct pkeyrt_object *
find_object (uintptr_t addr)
{
  const struct object_chunk *c;
  const struct pkeyrt_object *best = NULL;
  uintptr_t best_dist = UINTPTR_MAX;

  for (c = __atomic_load_n (&newest_chunk, __ATOMIC_ACQUIRE); c != NULL;
       c = c->next)
    {
      uint32_t i, n = __atomic_load_n (&c->count, __ATOMIC_ACQUIRE);

      for (i = 0; i < n; i++)
	{
	  const struct pkeyrt_object *o = &c->objects[i];
	  uintptr_t end = o->addr + o->size;
	  uintptr_t dist;

	  if (addr >= o->addr && addr < end)
	    return o;
	  if (addr < PKEYRT_PAGE_FLOOR (o->addr)
	      || addr >= PKEYRT_PAGE_FLOOR (end + PKEYPLUG_PAGE_SIZE - 1))
	    continue;
	  dist = addr < o->addr ? o->addr - addr : addr - end + 1;
	  if (dist < best_dist)
	    {
	      best = o;
	      best_dist = dist;
	    }
	}
    }
  return best;
}

/* Building the report in a fixed buffer.  */

struct text
{
  char buf[1536];
  size_t len;
};

static void
put_str (struct text *t, const char *s)
{
  size_t n = 0;

  if (s == NULL)
    s = "?";
  /* Keep room for the other lines even if a name is huge.  */
  while (s[n] != '\0' && n < 200 && t->len < sizeof t->buf)
    t->buf[t->len++] = s[n++];
}

static void
put_udec (struct text *t, uint64_t v)
{
  char digits[24];
  int n = 0;

  do
    digits[n++] = (char) ('0' + v % 10);
  while ((v /= 10) != 0);
  while (n > 0 && t->len < sizeof t->buf)
    t->buf[t->len++] = digits[--n];
}

static void
put_sdec (struct text *t, int64_t v)
{
  if (v < 0)
    {
      put_str (t, "-");
      put_udec (t, -(uint64_t) v);
    }
  else
    put_udec (t, (uint64_t) v);
}

static void
put_hex (struct text *t, uint64_t v)
{
  char digits[16];
  int n = 0;

  put_str (t, "0x");
  do
    digits[n++] = "0123456789abcdef"[v & 15];
  while ((v >>= 4) != 0);
  while (n > 0 && t->len < sizeof t->buf)
    t->buf[t->len++] = digits[--n];
}

static const char *
si_code_name (int code)
{
  switch (code)
    {
    case SEGV_MAPERR:
      return "SEGV_MAPERR";
    case SEGV_ACCERR:
      return "SEGV_ACCERR";
    case SEGV_PKUERR:
      return "SEGV_PKUERR";
    default:
      return "SEGV_?";
    }
}

/* What a violation touched in the heap, after "read of " or the like.  */

static void
put_heap (struct text *t, const struct pkeyrt_heap_hit *hit)
{
  static const char *const what[] = {
    [PKEYRT_HEAP_BLOCK] = "heap block",
    [PKEYRT_HEAP_ARENA] = "heap arena",
    [PKEYRT_HEAP_GUARD] = "guard page of heap arena"
  };

  put_str (t, what[hit->place]);
  put_str (t, " of key '");
  put_str (t, pkeyrt_keys[hit->slot].name);
  put_str (t, "' at offset ");
  put_sdec (t, hit->offset);
  if (hit->place == PKEYRT_HEAP_ARENA)
    put_str (t, ", outside any live block");
  put_str (t, hit->place == PKEYRT_HEAP_BLOCK ? " (block of "
	   : " (arena of ");
  put_udec (t, hit->size);
  put_str (t, hit->size == 1 ? " byte)\n" : " bytes)\n");
}

/* With log_path=PREFIX, append the report of LEN bytes at BUF to the file
   PREFIX.PID too, as the sanitizers do: stderr may be gone or closed.
   open and write are async-signal-safe.  */

static void
log_copy (const char *buf, size_t len)
{
  struct text name;
  int fd;

  if (pkeyrt_log_path[0] == '\0')
    return;
  name.len = 0;
  put_str (&name, pkeyrt_log_path);
  put_str (&name, ".");
  put_udec (&name, (uint64_t) getpid ());
  if (name.len >= sizeof name.buf)
    return;
  name.buf[name.len] = '\0';
  fd = open (name.buf, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  while (len > 0)
    {
      ssize_t n = write (fd, buf, len);
      if (n <= 0)
	break;
      buf += n;
      len -= (size_t) n;
    }
  close (fd);
}

/* Report the access by INFO/UC to OBJ, or to the heap memory HIT when OBJ
   is null.  CONTINUING: say that the program goes on.  */

static void
report_violation (const struct pkeyrt_object *obj,
		  const struct pkeyrt_heap_hit *hit, const siginfo_t *info,
		  const ucontext_t *uc, int continuing)
{
  struct text t;
  const struct pkeyrt_key *key = &pkeyrt_keys[obj ? obj->slot : hit->slot];
  uintptr_t addr = (uintptr_t) info->si_addr;
  const char *what = "access to";
  Dl_info dl;

  t.len = 0;
  if (uc != NULL)
    what = (uc->uc_mcontext.gregs[REG_ERR] & PF_WRITE) ? "write to"
	   : "read of";

  put_str (&t, "pkeyplug: protection violation: ");
  put_str (&t, what);
  put_str (&t, " ");
  if (obj == NULL)
    put_heap (&t, hit);
  else
    {
      put_str (&t, "'");
      put_str (&t, obj->name);
      put_str (&t, "' at offset ");
      put_sdec (&t, (int64_t) (addr - obj->addr));
      put_str (&t, " (object of ");
      put_udec (&t, obj->size);
      put_str (&t, obj->size == 1 ? " byte)\n" : " bytes)\n");
    }

  put_str (&t, "pkeyplug:   key '");
  put_str (&t, key->name);
  if (key->gate == PKEYPLUG_GATE_HW)
    {
      put_str (&t, "' (hw key ");
      put_udec (&t, (uint64_t) key->hw_key);
      put_str (&t, ", ");
      put_str (&t, si_code_name (info->si_code));
      put_str (&t, ")\n");
    }
  else
    put_str (&t, "' (emulated, mprotect)\n");

  if (uc != NULL)
    {
      uintptr_t pc = (uintptr_t) uc->uc_mcontext.gregs[REG_RIP];

      put_str (&t, "pkeyplug:   at ");
      put_hex (&t, pc);
      if (dladdr ((void *) pc, &dl) != 0)
	{
	  if (dl.dli_sname != NULL && dl.dli_saddr != NULL)
	    {
	      put_str (&t, " in ");
	      put_str (&t, dl.dli_sname);
	      put_str (&t, "+");
	      put_hex (&t, pc - (uintptr_t) dl.dli_saddr);
	    }
	  /* The offset in the file is what addr2line wants; functions of an
	     executable have no dynamic symbol unless it is linked with
	     -rdynamic.  */
	  put_str (&t, " (");
	  put_str (&t, dl.dli_fname);
	  put_str (&t, "+");
	  put_hex (&t, pc - (uintptr_t) dl.dli_fbase);
	  put_str (&t, ")");
	}
      put_str (&t, "\n");
    }

  put_str (&t, "pkeyplug:   thread ");
  put_udec (&t, (uint64_t) syscall (SYS_gettid));
  put_str (&t, "\n");

  if (obj != NULL)
    {
      put_str (&t, "pkeyplug:   '");
      put_str (&t, obj->name);
      put_str (&t, "' is defined at ");
      put_str (&t, obj->file);
      put_str (&t, ":");
      put_udec (&t, obj->line);
      put_str (&t, "\n");
    }

  if (continuing)
    put_str (&t, "pkeyplug:   continuing (report=continue-in-emulate)\n");

  write_all (t.buf, t.len);
  log_copy (t.buf, t.len);
}

/* After a report that does not continue.  */

static void __attribute__ ((noreturn))
end_after_report (void)
{
  if (pkeyrt_report_exit >= 0)
    _exit (pkeyrt_report_exit);
  die ();
}

/* A violation by INFO/UC of key SLOT, on OBJ or the heap memory HIT:
   report it, then let the access through and return
   (report=continue-in-emulate, emulated keys), or end the process.  A
   fault of an instruction that is already being let through is the same
   violation (a second page, or the next step of a string instruction) and
   is not reported again.  */

static void
violation (uint32_t slot, const struct pkeyrt_object *obj,
	   const struct pkeyrt_heap_hit *hit, siginfo_t *info, void *ctx)
{
  const ucontext_t *uc = ctx;
  int is_write = uc != NULL
		 && (uc->uc_mcontext.gregs[REG_ERR] & PF_WRITE) != 0;
  int stepping = pkeyrt_report_continue && pkeyrt_step_active ();

  if (pkeyrt_report_continue && uc != NULL && pkeyrt_emulated_slot_p (slot)
      && (obj != NULL || hit->place != PKEYRT_HEAP_GUARD)
      && pkeyrt_step_past (slot, (uintptr_t) info->si_addr, is_write, ctx))
    {
      if (!stepping)
	report_violation (obj, hit, info, uc, 1);
      return;
    }
  report_violation (obj, hit, info, uc, 0);
  end_after_report ();
}

/* The SIGSEGV action in force before ours.  */
static struct sigaction previous;

/* Hand a fault that is not ours to the previous action.  */

static void
chain (int sig, siginfo_t *info, void *ctx)
{
  if (previous.sa_handler == SIG_DFL || previous.sa_handler == SIG_IGN)
    {
      struct sigaction dfl;

      /* Returning makes a hardware fault happen again, now with the
	 default action (a kernel fault cannot be ignored anyway).  A sent
	 signal would not come back: send it again.  */
      memset (&dfl, 0, sizeof dfl);
      dfl.sa_handler = SIG_DFL;
      sigemptyset (&dfl.sa_mask);
      sigaction (sig, &dfl, NULL);
      if (info == NULL || info->si_code <= 0)
	raise (sig);
    }
  else if (previous.sa_flags & SA_SIGINFO)
    previous.sa_sigaction (sig, info, ctx);
  else
    previous.sa_handler (sig);
}

static void
segv_handler (int sig, siginfo_t *info, void *ctx)
{
  int saved_errno = errno;

  /* Only faults the kernel raised (si_code > 0) have an address; a
     MAPERR means the pages are gone, so they are not protected objects
     any more.  */
  if (info != NULL && info->si_code > 0 && info->si_code != SEGV_MAPERR)
    {
      uintptr_t addr = (uintptr_t) info->si_addr;
      const struct pkeyrt_object *obj = find_object (addr);
      struct pkeyrt_heap_hit hit;

      if (obj != NULL)
	{
	  violation (obj->slot, obj, NULL, info, ctx);
	  errno = saved_errno;
	  return;
	}
      if (pkeyrt_heap_find (addr, &hit))
	{
	  violation (hit.slot, NULL, &hit, info, ctx);
	  errno = saved_errno;
	  return;
	}
    }
  chain (sig, info, ctx);
  errno = saved_errno;
}

/* Install the violation handler, keeping the previous action to chain
   to.  SA_ONSTACK: a program with an alternate stack expects its stack
   overflows to be handled there.  */

void
pkeyrt_install_handler (void)
{
  struct sigaction sa;

  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = segv_handler;
  sigemptyset (&sa.sa_mask);
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  if (sigaction (SIGSEGV, &sa, &previous) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP, "cannot install the SIGSEGV handler: "
		  "%s", strerror (errno));
}
