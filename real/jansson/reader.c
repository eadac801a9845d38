/* reader.c -- code outside every grant that reads jansson's hash seed:
   the first object seeds it, then read-module.h reads libjansson's
   writable segments, which hold it.  Must be stopped by a report that
   names 'hashtable_seed'.  */

#include "../read-module.h"
#include <jansson.h>

int
main (void)
{
  json_t *object = json_object ();

  if (object == NULL || json_object_set_new (object, "k", json_true ()))
    {
      puts ("reader: json_object failed");
      return 2;
    }
  return read_module ("libjansson.so");
}
