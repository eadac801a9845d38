/* pkeyplug.h -- public interface of pkeyplug: attribute macros and the
   libpkeyrt runtime API.

   Compile protected code with the plugin:
     gcc -fplugin=pkeyplug -O2 app.c -lpkeyrt
   The plugin predefines __PKEYPLUG__.  Without it GCC would ignore the
   `pkey' attribute with a mere warning and leave every secret open, so this
   header refuses to compile unless one of these is defined first:
     PKEYPLUG_API_ONLY          the file only calls the runtime API;
     PKEYPLUG_ALLOW_UNPROTECTED the macros below expand to nothing, knowingly.  */

#ifndef PKEYPLUG_H
#define PKEYPLUG_H

#include <stddef.h>
#include "pkeyplug-version.h"

/* A plugin of another release than these headers: the runtime refuses
   units of another ABI, but say it here first.  */
#if defined __PKEYPLUG_VERSION_MAJOR__ \
    && (__PKEYPLUG_VERSION_MAJOR__ != PKEYPLUG_VERSION_MAJOR \
	|| __PKEYPLUG_VERSION_MINOR__ != PKEYPLUG_VERSION_MINOR \
	|| __PKEYPLUG_VERSION_PATCHLEVEL__ != PKEYPLUG_VERSION_PATCHLEVEL)
# warning "pkeyplug.h belongs to another pkeyplug release than the plugin loaded"
#endif

#if defined __PKEYPLUG__
/* Protect a variable with static storage under key NAME.  */
# define PKEY_PROTECT(name) __attribute__ ((pkey (name)))
/* Same, but the variable stays readable outside granting functions.  */
# define PKEY_PROTECT_READONLY(name) __attribute__ ((pkey (name, "readonly")))
/* Grant read+write on key NAME for the dynamic extent of a function.  */
# define PKEY_GRANT(name) __attribute__ ((pkey (name)))
/* Grant read-only access on key NAME.  */
# define PKEY_GRANT_READ(name) __attribute__ ((pkey (name, "read")))
#elif defined PKEYPLUG_ALLOW_UNPROTECTED
# define PKEY_PROTECT(name)
# define PKEY_PROTECT_READONLY(name)
# define PKEY_GRANT(name)
# define PKEY_GRANT_READ(name)
#elif !defined PKEYPLUG_API_ONLY && defined __clang__
# error "pkeyplug.h: Clang cannot load GCC plugins, so the pkey attribute would protect nothing; compile protected code with GCC and -fplugin=pkeyplug (define PKEYPLUG_API_ONLY in files that only call the runtime API)"
#elif !defined PKEYPLUG_API_ONLY
# error "pkeyplug.h: compile with -fplugin=pkeyplug (the pkey attribute would be ignored and the data left unprotected); define PKEYPLUG_API_ONLY for runtime calls only, or PKEYPLUG_ALLOW_UNPROTECTED to build without protection on purpose"
#endif

/* pkeyplug_declassify (X): the object X (a variable, an array, *P) may
   leave its key: the plugin's flow warnings (`where can the secret go?')
   no longer follow protected data through X, in the whole function that
   says so.  Grep for it to review what leaves.  It compiles to nothing:
   a call of a function that does nothing, inlined at every level, which
   the plugin recognises by name before inlining.  */
#if defined __GNUC__
# ifdef __cplusplus
#  define pkeyplug_declassify(x) \
  __pkeyplug_declassify (__builtin_addressof (x), sizeof (x))
# else
#  define pkeyplug_declassify(x) __pkeyplug_declassify (&(x), sizeof (x))
# endif
static __inline__ __attribute__ ((__always_inline__, __unused__)) void
__pkeyplug_declassify (const volatile void *p, size_t n)
{
  (void) p;
  (void) n;
}
#else
# define pkeyplug_declassify(x) ((void) sizeof (x))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Exit statuses of a process the runtime refuses to start (after a one-line
   message on stderr that begins with "pkeyplug: ").  A protection violation
   ends the process with abort () instead (status 134 from a shell).  */
#define PKEYPLUG_EXIT_SETUP 80		/* Protection failed or untaken, bad unit.  */
#define PKEYPLUG_EXIT_OPTIONS 81	/* PKEYPLUG_OPTIONS cannot be parsed.  */
#define PKEYPLUG_EXIT_NO_PKU 82		/* mode=hw, but no usable PKU.  */
#define PKEYPLUG_EXIT_NO_KEYS 83	/* More key names than free keys.  */
#define PKEYPLUG_EXIT_POLICY 84		/* Two policies for one key name.  */
#define PKEYPLUG_EXIT_SCAN 85		/* scan=1 found a stray WRPKRU/XRSTOR.  */
#define PKEYPLUG_EXIT_HARDEN 86		/* harden=1 cannot be put in place.  */
#define PKEYPLUG_EXIT_SEAL 87		/* gates=sealed cannot be set up.  */

/* How the runtime enforces keys in this process.  */
enum pkeyplug_mode
{
  PKEYPLUG_MODE_UNINITIALIZED = 0,	/* The runtime has not started yet.  */
  PKEYPLUG_MODE_HW = 1,		/* Memory protection keys (PKU).  */
  PKEYPLUG_MODE_EMULATE = 2,	/* mprotect emulation, process-wide.  */
  PKEYPLUG_MODE_OFF = 3		/* Protection explicitly turned off.  */
};

/* The mode the runtime chose at start-up (in hw mode some keys may still
   be emulated: see pkeyplug_key_mode).  */
enum pkeyplug_mode pkeyplug_mode (void);

/* "hw", "emulate", "off" or "uninitialized".  */
const char *pkeyplug_mode_name (enum pkeyplug_mode mode);

/* The hardware protection key (1..15) of key NAME; 0 for a known NAME
   without one (emulate or off mode, or a key that overflow=emulate put
   under the emulation); -1 when no loaded module uses NAME.  */
int pkeyplug_key_of (const char *name);

/* How key NAME is enforced: PKEYPLUG_MODE_HW, PKEYPLUG_MODE_EMULATE or
   PKEYPLUG_MODE_OFF; PKEYPLUG_MODE_UNINITIALIZED when no loaded module
   uses NAME.  Usually pkeyplug_mode (); in hw mode with
   PKEYPLUG_OPTIONS=overflow=emulate, the keys that found no free hardware
   key are PKEYPLUG_MODE_EMULATE while pkeyplug_mode () stays
   PKEYPLUG_MODE_HW.  */
enum pkeyplug_mode pkeyplug_key_mode (const char *name);

/* Number of distinct key names the runtime has set up.  */
int pkeyplug_key_count (void);

/* Heap secrets.

   A block of key NAME lives on pages that hold blocks of that key and
   nothing else, between two inaccessible guard pages, locked in memory as
   far as RLIMIT_MEMLOCK allows and left out of core dumps.  It is as
   reachable as the key's static objects: only inside functions granted
   NAME (or for reading anywhere, if NAME's policy is readonly); a stray
   access is reported as a protection violation.  NAME follows the rules of
   the attribute; a NAME that no loaded unit uses gets a key of its own at
   first use, locked as noaccess.  Blocks are aligned to 16 bytes and start
   zeroed: freed memory is zeroed at once.  None of these functions needs
   a grant, and any thread may call them.

   pkeyplug_malloc and pkeyplug_calloc return NULL with errno EINVAL for a
   malformed NAME, ENOSPC when a new NAME finds no key left, ENOMEM when
   memory runs out or NMEMB * SIZE overflows.  A size of 0 gives a unique
   block to pass to pkeyplug_free.

   pkeyplug_realloc gives a block of N bytes of P's key holding P's first
   bytes (as many as both have), and frees P; bytes beyond P's size are
   zero.  It returns NULL with errno ENOMEM, leaving P alone, when memory
   runs out, and NULL with errno EINVAL for a null P (no key to allocate
   with).  N = 0 gives a block of 0 bytes, to free.

   pkeyplug_free (NULL) does nothing.  pkeyplug_free and pkeyplug_realloc
   abort with a message for anything but a live block of these functions
   (a foreign pointer, a block freed already, a pointer into a block).  */
#if defined __GNUC__
# define PKEYPLUG_ATTRS_(list) __attribute__ (list)
#else
# define PKEYPLUG_ATTRS_(list)
#endif
void *pkeyplug_malloc (const char *name, size_t n)
  PKEYPLUG_ATTRS_ ((__malloc__, __alloc_size__ (2)));
void *pkeyplug_calloc (const char *name, size_t nmemb, size_t size)
  PKEYPLUG_ATTRS_ ((__malloc__, __alloc_size__ (2, 3)));
void *pkeyplug_realloc (void *p, size_t n)
  PKEYPLUG_ATTRS_ ((__alloc_size__ (2)));
void pkeyplug_free (void *p);
#undef PKEYPLUG_ATTRS_

#ifdef __cplusplus
}
#endif

#endif /* PKEYPLUG_H */
