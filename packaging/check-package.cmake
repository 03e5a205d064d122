# CPack pre-build script (cmake/LoaPackaging.cmake): the packaged loa must look
# for the station in /var/lib/loa when no --home is given, as the manual page,
# the README and the service say. packaging/build-deb.sh configures it so.
if(NOT CPACK_LOA_DEFAULT_HOME STREQUAL "/var/lib/loa")
    message(FATAL_ERROR
            "this build's loa defaults to the current folder, not /var/lib/loa; "
            "build the package with packaging/build-deb.sh (it configures -DLOA_DEFAULT_HOME=/var/lib/loa)")
endif()
