# pkeyplugConfig.cmake -- what find_package (pkeyplug CONFIG) loads.
#
#   find_package (pkeyplug CONFIG REQUIRED)
#   target_link_libraries (app PRIVATE pkeyplug::pkeyplug)
#
# pkeyplug::pkeyplug compiles the target's C and C++ sources with the
# pkeyplug GCC plugin, loads the plugin at its link step too (harmless
# without -flto; with it, link-time inlining can drop redundant gates), and
# links libpkeyrt.  pkeyplug::pkeyrt is the runtime alone, for code that
# only calls its API (define PKEYPLUG_API_ONLY there).  pkeyplug_PLUGIN and
# pkeyplug_SPECS name the plugin and the specs file.  The plugin is built
# for one GCC release: any other compiler makes the package not found.
#
# Written by `make install' for this installation.

cmake_minimum_required (VERSION 3.15)

set (pkeyplug_PLUGIN "/work/wt-build/pkeyplug-0.1.0/_build/sub/scratch-prefix/lib/pkeyplug/pkeyplug.so")
set (pkeyplug_SPECS "/work/wt-build/pkeyplug-0.1.0/_build/sub/scratch-prefix/lib/pkeyplug/pkeyplug.specs")
set (pkeyplug_GCC_MAJOR "12")

foreach (_pkeyplug_lang C CXX)
  if (NOT CMAKE_${_pkeyplug_lang}_COMPILER_LOADED)
    continue ()
  endif ()
  set (_pkeyplug_id "${CMAKE_${_pkeyplug_lang}_COMPILER_ID}")
  string (REGEX MATCH "^[0-9]+" _pkeyplug_major
	  "${CMAKE_${_pkeyplug_lang}_COMPILER_VERSION}")
  if (NOT _pkeyplug_id STREQUAL "GNU"
      OR NOT _pkeyplug_major STREQUAL pkeyplug_GCC_MAJOR)
    set (pkeyplug_FOUND FALSE)
    set (pkeyplug_NOT_FOUND_MESSAGE
	 "the pkeyplug plugin runs inside GCC ${pkeyplug_GCC_MAJOR}, but the ${_pkeyplug_lang} compiler is ${_pkeyplug_id} ${CMAKE_${_pkeyplug_lang}_COMPILER_VERSION}")
    return ()
  endif ()
endforeach ()

if (NOT TARGET pkeyplug::pkeyrt)
  add_library (pkeyplug::pkeyrt SHARED IMPORTED)
  set_target_properties (pkeyplug::pkeyrt PROPERTIES
    IMPORTED_LOCATION "/work/wt-build/pkeyplug-0.1.0/_build/sub/scratch-prefix/lib/libpkeyrt.so"
    INTERFACE_INCLUDE_DIRECTORIES "/work/wt-build/pkeyplug-0.1.0/_build/sub/scratch-prefix/include")
endif ()

if (NOT TARGET pkeyplug::pkeyplug)
  add_library (pkeyplug::pkeyplug INTERFACE IMPORTED)
  set_target_properties (pkeyplug::pkeyplug PROPERTIES
    INTERFACE_COMPILE_OPTIONS
      "$<$<COMPILE_LANGUAGE:C,CXX>:-fplugin=${pkeyplug_PLUGIN}>"
    INTERFACE_LINK_OPTIONS "-fplugin=${pkeyplug_PLUGIN}"
    INTERFACE_LINK_LIBRARIES pkeyplug::pkeyrt)
endif ()
