dnl pkeyplug.m4 -- checks for building a GCC plugin.

dnl PKEYPLUG_GCC_PLUGIN_DEV(GCC)
dnl Find the plugin headers of GCC and check that they compile with $CXX.
dnl Sets and substitutes GCC_PLUGIN_DIR and GCC_PLUGIN_INCLUDE.
AC_DEFUN([PKEYPLUG_GCC_PLUGIN_DEV], [
  AC_MSG_CHECKING([for the plugin directory of $1])
  GCC_PLUGIN_DIR=`$1 -print-file-name=plugin 2>/dev/null`
  pkeyplug_gcc_major=`$1 -dumpversion 2>/dev/null | sed 's/\..*//'`
  AS_IF([test -z "$GCC_PLUGIN_DIR" || test "$GCC_PLUGIN_DIR" = plugin ||
         test ! -f "$GCC_PLUGIN_DIR/include/gcc-plugin.h"],
    [AC_MSG_RESULT([not found])
     AC_MSG_ERROR([the plugin headers of $1 are missing: install the Debian package gcc-${pkeyplug_gcc_major:-N}-plugin-dev])])
  AC_MSG_RESULT([$GCC_PLUGIN_DIR])
  GCC_PLUGIN_INCLUDE="$GCC_PLUGIN_DIR/include"
  AC_SUBST([GCC_PLUGIN_DIR])
  AC_SUBST([GCC_PLUGIN_INCLUDE])

  AC_MSG_CHECKING([whether $CXX compiles the plugin headers of $1])
  AC_LANG_PUSH([C++])
  pkeyplug_save_CPPFLAGS=$CPPFLAGS
  pkeyplug_save_CXXFLAGS=$CXXFLAGS
  CPPFLAGS="-I$GCC_PLUGIN_INCLUDE $CPPFLAGS"
  CXXFLAGS="-std=gnu++14 -fno-rtti $CXXFLAGS"
  AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#include "gcc-plugin.h"
#include "tree.h"
#include "tree-pass.h"
#include "bversion.h"
#if BUILDING_GCC_MAJOR < 11
#error too old
#endif
]], [[]])],
    [AC_MSG_RESULT([yes])],
    [AC_MSG_RESULT([no])
     AC_MSG_ERROR([$CXX cannot compile the plugin headers of $1 (GCC 11 or later is needed, and the C++ compiler of the same release: set CXX, or install g++-${pkeyplug_gcc_major:-N})])])
  CPPFLAGS=$pkeyplug_save_CPPFLAGS
  CXXFLAGS=$pkeyplug_save_CXXFLAGS
  AC_LANG_POP([C++])
])

dnl PKEYPLUG_CHECK_GMP
dnl GCC's plugin headers include gmp.h.
AC_DEFUN([PKEYPLUG_CHECK_GMP], [
  AC_LANG_PUSH([C++])
  AC_CHECK_HEADER([gmp.h], [],
    [AC_MSG_ERROR([gmp.h is missing (GCC's plugin headers need it): install the Debian package libgmp-dev])])
  AC_LANG_POP([C++])
])
