/* config.c -- what the process runs with: PKEYPLUG_OPTIONS, parsed once,
   and the mode chosen from them.

   Start-up (init.c) writes the configuration once and then makes its page
   read-only: an attacker who writes ordinary memory could otherwise turn
   report=continue-in-emulate on, silence verbose notes or make the
   runtime believe the mode is off.  Every file reads it through
   pkeyrt_config, a pointer that is itself read-only after relocation.

   The one setting that changes later, once, is whether harden=1's filter
   is in place; it lives here too, beside the options it follows from,
   so that the files below the policies can ask without calling up.  */

#include "pkeyrt.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>

/* A page of its own, so that making it read-only touches nothing else.  */
static union
{
  struct pkeyrt_config config;
  char page[PKEYPLUG_PAGE_SIZE];
} written __attribute__ ((aligned (PKEYPLUG_PAGE_SIZE))) =
{
  .config =
  {
    .mode = PKEYPLUG_MODE_UNINITIALIZED,
    .opt = { .report_exit = -1, .dontdump = 1 },
  },
};

const struct pkeyrt_config *const pkeyrt_config = &written.config;

/* Take the parsed options OPT.  Start-up only, before any thread but the
   starting one can read them.  */

void
pkeyrt_config_set_options (const struct pkeyrt_options *opt)
{
  written.config.opt = *opt;
}

/* Publish the mode MODE: the last step of start-up.  */

void
pkeyrt_config_set_mode (enum pkeyplug_mode mode)
{
  __atomic_store_n (&written.config.mode, mode, __ATOMIC_RELEASE);
}

/* Nothing writes the configuration after start-up.  */

void
pkeyrt_config_freeze (void)
{
  if (mprotect (&written, sizeof written, PROT_READ) != 0)
    pkeyrt_fatal (PKEYPLUG_EXIT_SETUP,
		  "cannot make the runtime's configuration read-only: %s",
		  strerror (errno));
}

/* The name of MODE, as pkeyplug_mode_name gives it.  */

const char *
pkeyrt_mode_name (enum pkeyplug_mode mode)
{
  switch (mode)
    {
    case PKEYPLUG_MODE_UNINITIALIZED:
      return "uninitialized";
    case PKEYPLUG_MODE_HW:
      return "hw";
    case PKEYPLUG_MODE_EMULATE:
      return "emulate";
    case PKEYPLUG_MODE_OFF:
      return "off";
    default:
      return "unknown";
    }
}

/* harden=1: is the filter in place?  */

static int filter_in_place;

int
pkeyrt_harden_active (void)
{
  return __atomic_load_n (&filter_in_place, __ATOMIC_ACQUIRE);
}

void
pkeyrt_harden_mark_active (void)
{
  __atomic_store_n (&filter_in_place, 1, __ATOMIC_RELEASE);
}
