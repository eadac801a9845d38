/* helpers.c -- glibc's helper threads start with every key in its default
   state.

   Some C library functions start a helper thread of glibc's own, which
   later starts the threads that run the program's callbacks: the first
   SIGEV_THREAD timer_create (one helper, which starts a thread per
   expiry), the first SIGEV_THREAD mq_notify (one helper, started before
   the descriptor is even checked, which starts a thread per
   notification), asynchronous I/O (aio_read, aio_write, aio_fsync,
   lio_listio: worker threads that stay for later requests and start a
   thread per SIGEV_THREAD completion) and getaddrinfo_a (the same, and
   the workers run the NSS modules).  glibc creates all of them with its
   internal pthread_create, which nothing can interpose, and each inherits
   its creator's PKRU: a helper first started inside a grant would hand
   the grant's rights to every later callback, long after the grant
   ended.

   So in hw mode, when the calling thread holds other rights than the
   default on some key (it is inside a grant), the runtime makes the call
   from a new thread that starts locked and waits for it; glibc's helpers
   then inherit the default rights.  The caller's own PKRU never changes,
   so nothing is restored from writable memory, and the decision reads
   only the caller's PKRU, which no other thread can change.  Outside
   grants the call is made directly, at no cost.  What the call only
   reads (the sigevent) is copied first and what it returns comes back
   through the call's record, errno included; the control blocks glibc
   keeps (aiocb, gaicb) are the caller's own, and must not be protected
   objects, since glibc's threads use them with the default rights.

   The functions, their interposition and the plugin's redirection are
   those of threads.c (pkeyplug-abi.h's PKEYPLUG_THREAD_STARTS).  */

#include "pkeyrt.h"

#include <errno.h>
#include <string.h>

#ifndef PIC
# pragma weak pthread_create
# pragma weak timer_create
# pragma weak mq_notify
# pragma weak aio_read
# pragma weak aio_write
# pragma weak aio_fsync
# pragma weak lio_listio
# pragma weak getaddrinfo_a
#endif

/* x86-64: the 64-bit-offset variants are the same functions.  */
_Static_assert (sizeof (struct aiocb) == sizeof (struct aiocb64),
		"struct aiocb64 is struct aiocb");

/* One call of a C library function, made by CALL_LOCKED's thread.  MAKE
   makes it and sets RET; errno comes back in ERR.  Each wrapper embeds
   this first in a structure with the call's arguments and results.  */

struct locked_call
{
  void (*make) (struct locked_call *);
  int ret;
  int err;
};

static void *
locked_call_start (void *p)
{
  struct locked_call *c = p;

  pkeyrt_hw_lock_thread ();
  errno = 0;
  c->make (c);
  c->err = errno;
  return NULL;
}

/* Make call C from a new thread that starts with every key in its default
   state, and wait for it.  Return 0, or the error of pthread_create if
   the thread could not be made (C was not made then).  */

static int
call_locked (struct locked_call *c)
{
  static __typeof__ (&pthread_create) real;
  pthread_attr_t attr;
  sigset_t all;
  pthread_t t;
  int err, cancel;

  /* Never the interposed pthread_create: this thread needs no slot in the
     ledger of sealed gates.  */
  if (!real)
    real = PKEYRT_REAL (pthread_create);
  if (!real)
    return EAGAIN;
  err = pthread_attr_init (&attr);
  if (err != 0)
    return err;
  /* No signal handler of the program runs in this thread.  */
  sigfillset (&all);
  err = pthread_attr_setsigmask_np (&attr, &all);
  if (err == 0)
    err = real (&t, &attr, locked_call_start, c);
  pthread_attr_destroy (&attr);
  if (err != 0)
    return err;
  /* C is on this thread's stack: cancellation must not unwind it while
     the other thread uses it.  */
  pthread_setcancelstate (PTHREAD_CANCEL_DISABLE, &cancel);
  pthread_join (t, NULL);
  pthread_setcancelstate (cancel, NULL);
  return 0;
}

/* Make call C, which returns -1 and sets errno on failure, the way
   call_locked does.  Return its result, and on failure set errno as the
   call left it.  */

static int
call_locked_errno (struct locked_call *c)
{
  int err = call_locked (c);

  if (err != 0)
    {
      errno = err;
      return -1;
    }
  if (c->ret == -1)
    errno = c->err;
  return c->ret;
}

/* The real function NAME, looked up once into the static REAL.  */
#define GET_REAL(real, name) \
  ((real) ? (real) : ((real) = PKEYRT_REAL (name)))

/* timer_create.  The timer's id comes back through this structure: the
   helper thread may not write the caller's memory.  */

struct timer_create_call
{
  struct locked_call c;
  clockid_t clock;
  struct sigevent event;
  int has_event;
  timer_t timer;
};

static __typeof__ (&timer_create) real_timer_create;

static void
make_timer_create (struct locked_call *c)
{
  struct timer_create_call *t = (struct timer_create_call *) c;

  t->c.ret = real_timer_create (t->clock, t->has_event ? &t->event : NULL,
				&t->timer);
}

PKEYRT_EXPORT int
__pkeyplug_timer_create (clockid_t clock, struct sigevent *event,
			 timer_t *timer)
{
  struct timer_create_call t;
  int ret;

  if (!GET_REAL (real_timer_create, timer_create))
    {
      errno = ENOSYS;
      return -1;
    }
  if (!pkeyrt_hw_rights_differ ())
    return real_timer_create (clock, event, timer);
  memset (&t, 0, sizeof t);
  t.c.make = make_timer_create;
  t.clock = clock;
  /* The caller's CPU time, not that of the thread that makes the call.  */
  if (clock == CLOCK_THREAD_CPUTIME_ID
      && pthread_getcpuclockid (pthread_self (), &t.clock) != 0)
    {
      errno = EINVAL;
      return -1;
    }
  t.has_event = event != NULL;
  if (event)
    t.event = *event;
  ret = call_locked_errno (&t.c);
  if (ret == 0)
    *timer = t.timer;
  return ret;
}

/* mq_notify.  */

struct mq_notify_call
{
  struct locked_call c;
  mqd_t queue;
  struct sigevent event;
  int has_event;
};

static __typeof__ (&mq_notify) real_mq_notify;

static void
make_mq_notify (struct locked_call *c)
{
  struct mq_notify_call *m = (struct mq_notify_call *) c;

  m->c.ret = real_mq_notify (m->queue, m->has_event ? &m->event : NULL);
}

PKEYRT_EXPORT int
__pkeyplug_mq_notify (mqd_t queue, const struct sigevent *event)
{
  struct mq_notify_call m;

  if (!GET_REAL (real_mq_notify, mq_notify))
    {
      errno = ENOSYS;
      return -1;
    }
  if (!pkeyrt_hw_rights_differ ())
    return real_mq_notify (queue, event);
  memset (&m, 0, sizeof m);
  m.c.make = make_mq_notify;
  m.queue = queue;
  m.has_event = event != NULL;
  if (event)
    m.event = *event;
  return call_locked_errno (&m.c);
}

/* aio_read, aio_write, aio_fsync: glibc keeps the control block, so the
   caller's own is passed on.  */

struct aio_call
{
  struct locked_call c;
  int (*fn) (struct aiocb *);
  int (*fsync_fn) (int, struct aiocb *);
  int op;
  struct aiocb *cb;
};

static void
make_aio (struct locked_call *c)
{
  struct aio_call *a = (struct aio_call *) c;

  a->c.ret = a->fn ? a->fn (a->cb) : a->fsync_fn (a->op, a->cb);
}

static int
aio_locked (int (*fn) (struct aiocb *), int (*fsync_fn) (int, struct aiocb *),
	    int op, struct aiocb *cb)
{
  struct aio_call a;

  if (!fn && !fsync_fn)
    {
      errno = ENOSYS;
      return -1;
    }
  if (!pkeyrt_hw_rights_differ ())
    return fn ? fn (cb) : fsync_fn (op, cb);
  memset (&a, 0, sizeof a);
  a.c.make = make_aio;
  a.fn = fn;
  a.fsync_fn = fsync_fn;
  a.op = op;
  a.cb = cb;
  return call_locked_errno (&a.c);
}

static __typeof__ (&aio_read) real_aio_read;
static __typeof__ (&aio_write) real_aio_write;
static __typeof__ (&aio_fsync) real_aio_fsync;

PKEYRT_EXPORT int
__pkeyplug_aio_read (struct aiocb *cb)
{
  return aio_locked (GET_REAL (real_aio_read, aio_read), NULL, 0, cb);
}

PKEYRT_EXPORT int
__pkeyplug_aio_read64 (struct aiocb64 *cb)
{
  return __pkeyplug_aio_read ((struct aiocb *) cb);
}

PKEYRT_EXPORT int
__pkeyplug_aio_write (struct aiocb *cb)
{
  return aio_locked (GET_REAL (real_aio_write, aio_write), NULL, 0, cb);
}

PKEYRT_EXPORT int
__pkeyplug_aio_write64 (struct aiocb64 *cb)
{
  return __pkeyplug_aio_write ((struct aiocb *) cb);
}

PKEYRT_EXPORT int
__pkeyplug_aio_fsync (int op, struct aiocb *cb)
{
  return aio_locked (NULL, GET_REAL (real_aio_fsync, aio_fsync), op, cb);
}

PKEYRT_EXPORT int
__pkeyplug_aio_fsync64 (int op, struct aiocb64 *cb)
{
  return __pkeyplug_aio_fsync (op, (struct aiocb *) cb);
}

/* lio_listio.  LIO_WAIT waits in the other thread.  */

struct lio_listio_call
{
  struct locked_call c;
  int mode;
  struct aiocb *const *list;
  int n;
  struct sigevent event;
  int has_event;
};

static __typeof__ (&lio_listio) real_lio_listio;

static void
make_lio_listio (struct locked_call *c)
{
  struct lio_listio_call *l = (struct lio_listio_call *) c;

  l->c.ret = real_lio_listio (l->mode, l->list, l->n,
			      l->has_event ? &l->event : NULL);
}

PKEYRT_EXPORT int
__pkeyplug_lio_listio (int mode, struct aiocb *const list[], int n,
		       struct sigevent *event)
{
  struct lio_listio_call l;

  if (!GET_REAL (real_lio_listio, lio_listio))
    {
      errno = ENOSYS;
      return -1;
    }
  if (!pkeyrt_hw_rights_differ ())
    return real_lio_listio (mode, list, n, event);
  memset (&l, 0, sizeof l);
  l.c.make = make_lio_listio;
  l.mode = mode;
  l.list = list;
  l.n = n;
  l.has_event = event != NULL;
  if (event)
    l.event = *event;
  return call_locked_errno (&l.c);
}

PKEYRT_EXPORT int
__pkeyplug_lio_listio64 (int mode, struct aiocb64 *const list[], int n,
			 struct sigevent *event)
{
  return __pkeyplug_lio_listio (mode, (struct aiocb *const *) list, n,
				event);
}

/* getaddrinfo_a returns an EAI_ code, not -1.  */

struct getaddrinfo_a_call
{
  struct locked_call c;
  int mode;
  struct gaicb **list;
  int n;
  struct sigevent event;
  int has_event;
};

static __typeof__ (&getaddrinfo_a) real_getaddrinfo_a;

static void
make_getaddrinfo_a (struct locked_call *c)
{
  struct getaddrinfo_a_call *g = (struct getaddrinfo_a_call *) c;

  g->c.ret = real_getaddrinfo_a (g->mode, g->list, g->n,
				 g->has_event ? &g->event : NULL);
}

PKEYRT_EXPORT int
__pkeyplug_getaddrinfo_a (int mode, struct gaicb *list[], int n,
			  struct sigevent *event)
{
  struct getaddrinfo_a_call g;

  if (!GET_REAL (real_getaddrinfo_a, getaddrinfo_a))
    {
      errno = ENOSYS;
      return EAI_SYSTEM;
    }
  if (!pkeyrt_hw_rights_differ ())
    return real_getaddrinfo_a (mode, list, n, event);
  memset (&g, 0, sizeof g);
  g.c.make = make_getaddrinfo_a;
  g.mode = mode;
  g.list = list;
  g.n = n;
  g.has_event = event != NULL;
  if (event)
    g.event = *event;
  if (call_locked (&g.c) != 0)
    return EAI_AGAIN;
  if (g.c.ret == EAI_SYSTEM)
    errno = g.c.err;
  return g.c.ret;
}

#ifdef PIC

/* For code compiled without the plugin.  */

PKEYRT_EXPORT int
timer_create (clockid_t clock, struct sigevent *event, timer_t *timer)
{
  return __pkeyplug_timer_create (clock, event, timer);
}

PKEYRT_EXPORT int
mq_notify (mqd_t queue, const struct sigevent *event)
{
  return __pkeyplug_mq_notify (queue, event);
}

PKEYRT_EXPORT int
aio_read (struct aiocb *cb)
{
  return __pkeyplug_aio_read (cb);
}

PKEYRT_EXPORT int
aio_read64 (struct aiocb64 *cb)
{
  return __pkeyplug_aio_read64 (cb);
}

PKEYRT_EXPORT int
aio_write (struct aiocb *cb)
{
  return __pkeyplug_aio_write (cb);
}

PKEYRT_EXPORT int
aio_write64 (struct aiocb64 *cb)
{
  return __pkeyplug_aio_write64 (cb);
}

PKEYRT_EXPORT int
aio_fsync (int op, struct aiocb *cb)
{
  return __pkeyplug_aio_fsync (op, cb);
}

PKEYRT_EXPORT int
aio_fsync64 (int op, struct aiocb64 *cb)
{
  return __pkeyplug_aio_fsync64 (op, cb);
}

PKEYRT_EXPORT int
lio_listio (int mode, struct aiocb *const list[], int n,
	    struct sigevent *event)
{
  return __pkeyplug_lio_listio (mode, list, n, event);
}

PKEYRT_EXPORT int
lio_listio64 (int mode, struct aiocb64 *const list[], int n,
	      struct sigevent *event)
{
  return __pkeyplug_lio_listio64 (mode, list, n, event);
}

PKEYRT_EXPORT int
getaddrinfo_a (int mode, struct gaicb *list[], int n, struct sigevent *event)
{
  return __pkeyplug_getaddrinfo_a (mode, list, n, event);
}

#endif /* PIC */
