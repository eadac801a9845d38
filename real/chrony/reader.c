/* reader.c -- code outside every grant that reads chrony's NTS server
   keys: it starts the NTS-KE server as chronyd does (the unit tests'
   certificate, no helper processes, no key file), which makes the keys,
   then read-module.h reads the program's own writable segments, which
   hold them.  Must be stopped by a report that names 'server_keys'.

   Linked with chronyd's objects (not main.o), like a unit test; the
   certificate is found next to the reader, in the build directory's
   test/unit.  */

#include "../read-module.h"
#include <libgen.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "conf.h"
#include "local.h"
#include "logging.h"
#include "nts_ke.h"
#include "nts_ke_server.h"
#include "sched.h"

/* Give chrony's configuration the line FORMAT (with the test directory
   DIR in it).  */
static void
configure (int number, const char *format, const char *dir)
{
  char line[PATH_MAX + 64];

  snprintf (line, sizeof line, format, dir);
  CNF_ParseLine (NULL, number, line);
}

int
main (void)
{
  char self[PATH_MAX], dir[PATH_MAX + 16];
  NKE_Context context = { .algorithm = AEAD_AES_SIV_CMAC_256,
			  .c2s = { .length = 32 }, .s2c = { .length = 32 } };
  NKE_Cookie cookie;
  ssize_t n = readlink ("/proc/self/exe", self, sizeof self - 1);

  if (n < 0)
    {
      puts ("reader: cannot find itself");
      return 2;
    }
  self[n] = '\0';
  snprintf (dir, sizeof dir, "%s/test/unit", dirname (self));

  LOG_Initialise ();
  LOG_SetMinSeverity (LOGS_FATAL);
  CNF_Initialise (0, 0);
  configure (1, "ntsport 0", dir);
  configure (2, "ntsprocesses 0", dir);
  configure (3, "ntsserverkey %s/nts_ke.key", dir);
  configure (4, "ntsservercert %s/nts_ke.crt", dir);
  LCL_Initialise ();
  SCH_Initialise ();
  NKS_PreInitialise (0, 0, 0);
  NKS_Initialise ();
  /* A cookie comes only from a server that started, with its keys.  */
  if (!NKS_GenerateCookie (&context, &cookie))
    {
      puts ("reader: the NTS-KE server did not start");
      return 2;
    }

  /* The main program is the first module, with an empty name.  */
  return read_module ("");
}
