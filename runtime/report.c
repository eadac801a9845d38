/* report.c -- the report of a protection violation.

   The SIGSEGV handler (fault.c) asks pkeyrt_report_fault about every
   fault that is not one of the runtime's probes.  It looks the faulting
   address up among the protected objects the units registered, then
   among the heap arenas (heap.c).  A hit is a violation: the report says
   which object or heap block, which key and which code, then the process
   aborts; with report=continue-in-emulate, a violation of an emulated key
   lets the access through once instead (step.c) and the program goes on.

   The report is built by hand in a stack buffer and written with
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

/* Where ADDR is in or near OBJ, after "read of " or the like.  A fault in
   the padding around an object (an out-of-bounds read sliding into the
   key's pages) says how far outside it is, as the sanitizers do, not a
   negative or oversized offset.  */

static void
put_object_place (struct text *t, const struct pkeyrt_object *obj,
		  uintptr_t addr)
{
  uintptr_t end = obj->addr + obj->size;
  uint64_t outside;

  if (addr >= obj->addr && addr < end)
    {
      put_str (t, "'");
      put_str (t, obj->name);
      put_str (t, "' at offset ");
      put_udec (t, (uint64_t) (addr - obj->addr));
      return;
    }
  outside = addr < obj->addr ? obj->addr - addr : addr - end;
  put_str (t, "the padding ");
  put_udec (t, outside);
  put_str (t, outside == 1 ? " byte " : " bytes ");
  put_str (t, addr < obj->addr ? "before '" : "after '");
  put_str (t, obj->name);
  put_str (t, "'");
}

/* With log_path=PREFIX, append the report of LEN bytes at BUF to the file
   PREFIX.PID too, as the sanitizers do: stderr may be gone or closed.
   open and write are async-signal-safe.  */

static void
log_copy (const char *buf, size_t len)
{
  struct text name;
  int fd;

  if (pkeyrt_config->opt.log_path[0] == '\0')
    return;
  name.len = 0;
  put_str (&name, pkeyrt_config->opt.log_path);
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
      put_object_place (&t, obj, addr);
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

  pkeyrt_write_all (t.buf, t.len);
  log_copy (t.buf, t.len);
}

/* After a report that does not continue.  */

static void __attribute__ ((noreturn))
end_after_report (void)
{
  if (pkeyrt_config->opt.report_exit >= 0)
    _exit (pkeyrt_config->opt.report_exit);
  pkeyrt_dump_open_keys ();
  pkeyrt_die ();
}

/* A violation by INFO/UC of key SLOT, on OBJ or the heap memory HIT:
   report it, then let the access through and return
   (report=continue-in-emulate, emulated keys), or end the process.  A
   fault of an instruction that is already being let through is the same
   violation (a second page, or the next step of a string instruction) and
   is not reported again.  */

static void
violation (uint32_t slot, const struct pkeyrt_object *obj,
	   const struct pkeyrt_heap_hit *hit, const siginfo_t *info, void *ctx)
{
  const ucontext_t *uc = ctx;
  int is_write = uc != NULL
		 && (uc->uc_mcontext.gregs[REG_ERR] & PF_WRITE) != 0;
  int stepping = pkeyrt_config->opt.report_continue && pkeyrt_step_active ();

  if (pkeyrt_config->opt.report_continue && uc != NULL
      && pkeyrt_emulated_slot_p (slot)
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

/* The handler's question (fault.c): is the fault INFO/CTX a violation of
   a key?  If so, report it and end the process, or let the access
   through (report=continue-in-emulate) and return 1.  */

int
pkeyrt_report_fault (const siginfo_t *info, void *ctx)
{
  uintptr_t addr;
  const struct pkeyrt_object *obj;
  struct pkeyrt_heap_hit hit;

  /* Only faults the kernel raised (si_code > 0) have an address; a
     MAPERR means the pages are gone, so they are not protected objects
     any more.  */
  if (info == NULL || info->si_code <= 0 || info->si_code == SEGV_MAPERR)
    return 0;
  addr = (uintptr_t) info->si_addr;
  obj = find_object (addr);
  if (obj != NULL)
    {
      violation (obj->slot, obj, NULL, info, ctx);
      return 1;
    }
  if (pkeyrt_heap_find (addr, &hit))
    {
      violation (hit.slot, NULL, &hit, info, ctx);
      return 1;
    }
  return 0;
}
