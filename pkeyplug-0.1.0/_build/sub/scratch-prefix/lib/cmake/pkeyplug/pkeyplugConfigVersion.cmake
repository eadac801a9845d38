# pkeyplugConfigVersion.cmake -- which versions find_package (pkeyplug
# VERSION CONFIG) accepts: this one, and older ones of the same major
# version (of the same minor version while the major is 0).
# Written by `make install' for this installation.

set (PACKAGE_VERSION "0.1.0")

if (PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION)
  set (PACKAGE_VERSION_COMPATIBLE FALSE)
else ()
  string (REGEX MATCH "^[0-9]+\\.[0-9]+" _pkeyplug_mm "${PACKAGE_VERSION}")
  string (REGEX MATCH "^[0-9]+" _pkeyplug_major "${PACKAGE_VERSION}")
  if (_pkeyplug_major STREQUAL "0")
    set (_pkeyplug_same "${_pkeyplug_mm}")
    string (REGEX MATCH "^[0-9]+\\.[0-9]+" _pkeyplug_want
	    "${PACKAGE_FIND_VERSION}.0")
  else ()
    set (_pkeyplug_same "${_pkeyplug_major}")
    string (REGEX MATCH "^[0-9]+" _pkeyplug_want "${PACKAGE_FIND_VERSION}")
  endif ()
  if (_pkeyplug_want STREQUAL _pkeyplug_same)
    set (PACKAGE_VERSION_COMPATIBLE TRUE)
  else ()
    set (PACKAGE_VERSION_COMPATIBLE FALSE)
  endif ()
  if (PACKAGE_FIND_VERSION STREQUAL PACKAGE_VERSION)
    set (PACKAGE_VERSION_EXACT TRUE)
  endif ()
endif ()
