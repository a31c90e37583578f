# ccache, when installed, as the compiler launcher. base_dir makes the paths under the source
# folder relative before hashing, so two checkouts of the same sources (git worktrees, CI's clean
# clone next to a developer's tree) share cached objects; hash_dir=false for the same reason (the
# debug info then names the first checkout's build folder, which only matters to a debugger).
# Settings on ccache's command line need ccache >= 4.8 (Debian 13 has 4.11); older ones are not used.
option(CODESCOUT_CCACHE "Compile through ccache when it is installed" ON)
if(NOT CODESCOUT_CCACHE OR CMAKE_CXX_COMPILER_LAUNCHER)
    return()
endif()
find_program(CODESCOUT_CCACHE_PROGRAM ccache)
if(NOT CODESCOUT_CCACHE_PROGRAM)
    return()
endif()
execute_process(COMMAND "${CODESCOUT_CCACHE_PROGRAM}" --version
    OUTPUT_VARIABLE _ccache_version_text ERROR_QUIET)
string(REGEX MATCH "version ([0-9]+\\.[0-9]+)" _ccache_version "${_ccache_version_text}")
if(CMAKE_MATCH_1 VERSION_LESS 4.8)
    message(STATUS "ccache ${CMAKE_MATCH_1} is older than 4.8: not used")
    return()
endif()
set(CMAKE_CXX_COMPILER_LAUNCHER
    "${CODESCOUT_CCACHE_PROGRAM};base_dir=${PROJECT_SOURCE_DIR};hash_dir=false")
message(STATUS "Compiling through ${CODESCOUT_CCACHE_PROGRAM}")
