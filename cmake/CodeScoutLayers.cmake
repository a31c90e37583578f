# The engine's layers and the one rule between them: a layer may use only layers of a lower rank.
# metrics (counting) is at the bottom because io and match record what they allocate; io, match
# and walk share a rank, so none of them may use another (encoding, the text decoders, too); search
# sits on all of them; index (the trigram index, whose gate plugs into the search engine) sits on
# search. watch (inotify watches over a folder) shares search's rank and uses walk only; index
# uses it to stay fresh. The CLI's
# ripgrep compatibility module sits above the engine and below the CLI proper. collectors (the
# metric collector plugin loader) shares the bottom rank with metrics and uses no other layer.
# edit (Replace: apply plans, the undo journal) turns search results into edits, so it sits on
# search, beside index and rg_compat (none uses another), under the front ends. print (ripgrep's
# output formats, for the CLI's printers and the GUI's export) sits on search beside them.
#
# codescout_layer() makes the rule a compile error, not a convention: each layer is its own
# static library whose include root (build/layer-include/<layer>/core/<layer>, a link to the
# sources) exposes only its own headers; a layer sees another layer's headers only by linking it.
# An upward #include therefore finds no file. tests/layers checks the same rule by rank on the
# real link graph and on every #include line (scripts/deps.sh prints the graph).
set(CODESCOUT_LAYER_RANKS "metrics=0;collectors=0;io=1;match=1;walk=1;encoding=1;search=2;watch=2;index=3;rg_compat=3;edit=3;print=3;cli=4;gui=4"
    CACHE INTERNAL "Layer ranks: a layer may depend only on layers of a lower rank")

# codescout_layer(NAME [PUBLIC layer...] [PRIVATE layer...]): the library codescout_NAME for
# src/core/NAME. PUBLIC: layers its headers include; PRIVATE: layers only its sources include.
function(codescout_layer name)
    cmake_parse_arguments(L "" "" "PUBLIC;PRIVATE" ${ARGN})
    set(target codescout_${name})
    add_library(${target} STATIC)
    set(root ${PROJECT_BINARY_DIR}/layer-include/${name})
    file(MAKE_DIRECTORY ${root}/core)
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${root}/core/${name} SYMBOLIC)
    target_include_directories(${target} PUBLIC ${root})
    foreach(dep IN LISTS L_PUBLIC)
        target_link_libraries(${target} PUBLIC codescout_${dep})
    endforeach()
    foreach(dep IN LISTS L_PRIVATE)
        target_link_libraries(${target} PRIVATE codescout_${dep})
    endforeach()
    target_link_libraries(${target} PRIVATE codescout_warnings)
    target_compile_features(${target} PUBLIC cxx_std_20)
    # No Qt code generators in the engine (qt_standard_project_setup turns them on globally).
    set_target_properties(${target} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
    set_property(GLOBAL APPEND PROPERTY CODESCOUT_LAYER_TARGETS ${target})
endfunction()

# Writes each layer target's direct link dependencies on our own targets, one "target: deps"
# line each, for the layering test to judge (the graph CMake really has, not the declarations).
function(codescout_write_layer_links file)
    get_property(targets GLOBAL PROPERTY CODESCOUT_LAYER_TARGETS)
    set(text "")
    foreach(target IN LISTS targets)
        get_target_property(libs ${target} LINK_LIBRARIES)
        set(ours "")
        foreach(lib IN LISTS libs)
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
            if(lib MATCHES "^codescout_" AND NOT lib STREQUAL "codescout_warnings")
                list(APPEND ours ${lib})
            endif()
        endforeach()
        string(APPEND text "${target}: ${ours}\n")
    endforeach()
    file(WRITE ${file} "${text}")
endfunction()
