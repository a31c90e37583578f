# One INTERFACE target that carries the project's warning flags, so every target opts in the same way.
add_library(codescout_warnings INTERFACE)
target_compile_options(codescout_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
    $<$<BOOL:${CODESCOUT_WERROR}>:-Werror>)

# Qt code in the GUI: no implicit ASCII casts, no contextless connects, fast string building.
add_library(codescout_qt_defaults INTERFACE)
target_compile_definitions(codescout_qt_defaults INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CONTEXTLESS_CONNECT QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING QT_NO_FOREACH)

# The engine must stay free of Qt: fail the configure step if anything links it in.
function(codescout_forbid_qt target)
    get_target_property(_libs ${target} LINK_LIBRARIES)
    foreach(_lib IN LISTS _libs)
        if(_lib MATCHES "^Qt[0-9]*::")
            message(FATAL_ERROR "${target} must not link Qt (found ${_lib}): the engine is Qt-free")
        endif()
    endforeach()
endfunction()
