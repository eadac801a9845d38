/* threads.c -- rights of threads that start or end inside a grant.

   A new thread inherits its creator's PKRU, so a thread created inside a
   granting function would start with the key open and keep it for good
   (no exit gate of its own ever closes it).  In hw mode the runtime starts
   the threads a program creates through a trampoline that first locks
   every key to its policy: pthread_create and thrd_create (whose thread
   also gets a slot in the ledger of sealed gates, given back however it
   ends), and glibc's clone wrapper for any child that runs a function,
   thread or process.  The C library's own threads, which run the
   program's callbacks, are helpers.c's.

   __pkeyplug_NAME does this for NAME (pkeyplug-abi.h): the plugin
   redirects the calls it compiles, static links included, and the shared
   runtime also interposes NAME itself for code compiled without the
   plugin.

   In emulate mode a thread's rights are virtual and start at none, and
   emulate.c gives back the grants of a thread that ends inside one; the
   trampoline is still needed there for what exit does: exit called from
   inside the C library (error, err) runs the atexit handlers on the
   calling thread before any thread ends, and only the thread-local
   destructor that run_locked registers gives the grants back first.  */

#include "pkeyrt.h"

#include <dlfcn.h>
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdlib.h>

#ifndef PIC
# pragma weak pthread_create
# pragma weak thrd_create
# pragma weak clone
#endif

/* In hw mode, would a thread this one creates start with other rights
   than the default on some key (a grant is open)?  PKRU is a register:
   no other thread can change the answer.  */

int
pkeyrt_hw_rights_differ (void)
{
  uint32_t pkru;

  if (pkeyrt_current_mode () != PKEYPLUG_MODE_HW)
    return 0;
  pkru = pkeyrt_rdpkru ();
  return pkeyrt_defaults_lock (pkru) != pkru;
}

/* The definition of NAME after the shared runtime's own.  */

void *
pkeyrt_next_symbol (const char *name)
{
  return dlsym (RTLD_NEXT, name);
}

/* The plugin's redirected calls come straight here, past any library
   that interposes NAME ahead of the runtime, such as a sanitizer's
   pthread_create, which must see every thread (ThreadSanitizer's state
   for it, AddressSanitizer's and LeakSanitizer's record of its stack).
   AHEAD (NAME) is that interposer, or null when the first NAME is the
   runtime's own; the interposer's call to the next NAME then comes back
   to the runtime's NAME, which starts the thread locked.  A static
   runtime is not interposed: its NAME is the program's first.  */

#ifdef PIC
static void *
ahead (const char *name, void *own)
{
  void *first = dlsym (RTLD_DEFAULT, name);

  return first != own ? first : NULL;
}

static __typeof__ (pthread_create) own_pthread_create
  __attribute__ ((alias ("pthread_create"), nothrow));
static __typeof__ (thrd_create) own_thrd_create
  __attribute__ ((alias ("thrd_create")));

# define AHEAD(name) \
  ((__typeof__ (&name)) ahead (#name, (void *) &own_##name))
#else
# define AHEAD(name) ((__typeof__ (&name)) NULL)
#endif

/* pthread_create and thrd_create: what the trampoline starts.  */

struct thread_start
{
  void *(*fn) (void *);		/* pthread_create's start, or null.  */
  thrd_start_t c11_fn;		/* thrd_create's.  */
  void *arg;
  int early;			/* Runs before a sanitizer's own start.  */
};

/* Set while the plugin's redirected call goes through an interposer
   ahead of the runtime (AHEAD): the thread function it passes on is the
   runtime's trampoline already, which then runs inside the sanitizer's
   start function, where the sanitizer is ready for it.  */
static __thread int wrapped_ahead;

static void
release_slot (void *start)
{
  pkeyrt_seal_release ();
  free (start);
}

/* In hw mode, lock the new thread's keys and give it a slot in the ledger
   of sealed gates (given back however it ends: return, pthread_exit,
   thrd_exit, cancellation); in both modes, run its start function.  The
   record goes back to malloc when the thread ends, not before the start
   function runs: a sanitizer's start function (ThreadSanitizer's) must
   come before any call into its allocator on the new thread.  */

static void *
run_locked (struct thread_start *p)
{
  struct thread_start start = *p;
  void *ret;

  if (pkeyrt_current_mode () == PKEYPLUG_MODE_HW)
    {
      pkeyrt_hw_lock_thread ();
      pkeyrt_seal_claim ();
    }
  /* Locked again if it calls exit, or ends as the last thread.  That
     allocates: not before a sanitizer's start function (code compiled
     without the plugin creating a thread under ThreadSanitizer), whose
     allocator would not know the thread yet.  */
  if (!start.early)
    pkeyrt_lock_at_thread_exit ();
  pthread_cleanup_push (release_slot, p);
  if (start.fn)
    ret = start.fn (start.arg);
  else
    ret = (void *) (intptr_t) start.c11_fn (start.arg);
  pthread_cleanup_pop (1);
  return ret;
}

static void *
locked_start (void *p)
{
  return run_locked (p);
}

static int
c11_locked_start (void *p)
{
  return (int) (intptr_t) run_locked (p);
}

static struct thread_start *
new_start (void *(*fn) (void *), thrd_start_t c11_fn, void *arg, int early)
{
  struct thread_start *start = malloc (sizeof *start);

  if (start)
    {
      start->fn = fn;
      start->c11_fn = c11_fn;
      start->arg = arg;
      start->early = early;
    }
  return start;
}

/* Start FN (ARG) locked through CALL, a pthread_create.  */

static int
start_locked (__typeof__ (&pthread_create) call, pthread_t *thread,
	      const pthread_attr_t *attr, void *(*fn) (void *), void *arg,
	      int early)
{
  struct thread_start *start;
  int err;

  if (pkeyrt_current_mode () == PKEYPLUG_MODE_OFF)
    return call (thread, attr, fn, arg);
  start = new_start (fn, NULL, arg, early);
  if (!start)
    return EAGAIN;
  err = call (thread, attr, locked_start, start);
  if (err != 0)
    free (start);
  return err;
}

static int
create_thread (pthread_t *thread, const pthread_attr_t *attr,
	       void *(*fn) (void *), void *arg)
{
  static __typeof__ (&pthread_create) real;

  if (!real)
    real = PKEYRT_REAL (pthread_create);
  if (!real)
    return EAGAIN;
  if (wrapped_ahead)
    return real (thread, attr, fn, arg);
  return start_locked (real, thread, attr, fn, arg,
		       AHEAD (pthread_create) != NULL);
}

PKEYRT_EXPORT int
__pkeyplug_pthread_create (pthread_t *thread, const pthread_attr_t *attr,
			   void *(*fn) (void *), void *arg)
{
  __typeof__ (&pthread_create) first = AHEAD (pthread_create);
  int err;

  if (!first)
    return create_thread (thread, attr, fn, arg);
  wrapped_ahead = 1;
  err = start_locked (first, thread, attr, fn, arg, 0);
  wrapped_ahead = 0;
  return err;
}

/* thrd_create's thread, unlike pthread_create's, is a C11 thread for
   glibc (thrd_exit's value): the real thrd_create starts it.  */

static int
create_c11_thread (thrd_t *thread, thrd_start_t fn, void *arg)
{
  static __typeof__ (&thrd_create) real;
  struct thread_start *start;
  int err;

  if (!real)
    real = PKEYRT_REAL (thrd_create);
  if (!real)
    return thrd_error;
  if (pkeyrt_current_mode () == PKEYPLUG_MODE_OFF)
    return real (thread, fn, arg);
  start = new_start (NULL, fn, arg, AHEAD (thrd_create) != NULL);
  if (!start)
    return thrd_nomem;
  err = real (thread, c11_locked_start, start);
  if (err != thrd_success)
    free (start);
  return err;
}

PKEYRT_EXPORT int
__pkeyplug_thrd_create (thrd_t *thread, thrd_start_t fn, void *arg)
{
  __typeof__ (&thrd_create) first = AHEAD (thrd_create);

  if (first)
    return first (thread, fn, arg);
  return create_c11_thread (thread, fn, arg);
}

/* clone: the child's function and argument, kept at the top of the stack
   the caller gave it, where the child finds them.  Nothing else may be
   used: a child without CLONE_VM has its own copy of memory, one without
   CLONE_SETTLS shares its parent's TLS, so neither malloc nor a ledger
   slot.  */

struct clone_start
{
  int (*fn) (void *);
  void *arg;
};

static int
clone_locked_start (void *p)
{
  struct clone_start *start = p;
  int (*fn) (void *) = start->fn;
  void *arg = start->arg;

  pkeyrt_hw_lock_thread ();
  return fn (arg);
}

PKEYRT_EXPORT int
__pkeyplug_clone (int (*fn) (void *), void *stack, int flags, void *arg, ...)
{
  static __typeof__ (&clone) real;
  struct clone_start *start;
  pid_t *parent_tid, *child_tid;
  void *tls;
  va_list ap;

  /* glibc's clone takes these whatever FLAGS say.  */
  va_start (ap, arg);
  parent_tid = va_arg (ap, pid_t *);
  tls = va_arg (ap, void *);
  child_tid = va_arg (ap, pid_t *);
  va_end (ap);
  if (!real)
    real = PKEYRT_REAL (clone);
  if (!real)
    {
      errno = ENOSYS;
      return -1;
    }
  /* Without a function or a stack the real clone fails (EINVAL).  */
  if (!fn || !stack || !pkeyrt_hw_rights_differ ())
    return real (fn, stack, flags, arg, parent_tid, tls, child_tid);
  start = (struct clone_start *) (((uintptr_t) stack & ~(uintptr_t) 15)
				  - sizeof *start);
  start->fn = fn;
  start->arg = arg;
  return real (clone_locked_start, start, flags, start, parent_tid, tls,
	       child_tid);
}

#ifdef PIC

/* For code compiled without the plugin.  */

PKEYRT_EXPORT int
pthread_create (pthread_t *thread, const pthread_attr_t *attr,
		void *(*fn) (void *), void *arg)
{
  return create_thread (thread, attr, fn, arg);
}

PKEYRT_EXPORT int
thrd_create (thrd_t *thread, thrd_start_t fn, void *arg)
{
  return create_c11_thread (thread, fn, arg);
}

PKEYRT_EXPORT int
clone (int (*fn) (void *), void *stack, int flags, void *arg, ...)
{
  pid_t *parent_tid, *child_tid;
  void *tls;
  va_list ap;

  va_start (ap, arg);
  parent_tid = va_arg (ap, pid_t *);
  tls = va_arg (ap, void *);
  child_tid = va_arg (ap, pid_t *);
  va_end (ap);
  return __pkeyplug_clone (fn, stack, flags, arg, parent_tid, tls,
			   child_tid);
}

#endif /* PIC */
