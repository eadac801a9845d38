/* compat.h -- the GCC headers pkeyplug needs, in the order GCC wants them,
   and every difference between the GCC versions we build for.

   Keep version tests here and nowhere else.  Prefer testing for a feature
   over testing BUILDING_GCC_VERSION: distributions backport fixes.  */

#ifndef PKEYPLUG_COMPAT_H
#define PKEYPLUG_COMPAT_H

#include "gcc-plugin.h"
#include "bversion.h"
#include "system.h"
#include "coretypes.h"
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "basic-block.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "gimple-walk.h"
#include "gimple-predict.h"
#include "gimplify.h"
#include "gimple-expr.h"
#include "cgraph.h"
#include "varasm.h"
#include "stringpool.h"
#include "attribs.h"
#include "diagnostic-core.h"
#include "intl.h"
#include "output.h"
#include "target.h"
#include "stor-layout.h"
#include "langhooks.h"
#include "toplev.h"
#include "opts.h"

#include <dlfcn.h>

#if BUILDING_GCC_MAJOR < 11
# error "pkeyplug needs GCC 11 or later"
#endif

/* libcpp's cpp_define, looked up at run time: lto1 has no preprocessor,
   and a plugin that named it directly could not be loaded into lto1.
   libcpp is C++, so the name is the mangled one of
   void cpp_define (cpp_reader *, const char *); NULL where absent.  */

typedef void (*pkeyplug_cpp_define_fn) (void *, const char *);

static inline pkeyplug_cpp_define_fn
pkeyplug_find_cpp_define (void)
{
  return (pkeyplug_cpp_define_fn) dlsym (RTLD_DEFAULT,
					 "_Z10cpp_defineP10cpp_readerPKc");
}

#endif /* PKEYPLUG_COMPAT_H */
