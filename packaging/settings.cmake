# Packaging settings shared by packaging/CMakeLists.txt and the tests in tests/packaging (which
# CMake processes first, so the values cannot simply flow from one to the other).
set(CODESCOUT_APP_ID "io.codescout.CodeScout")
set(CODESCOUT_SCREENSHOT_BASE_URL "${PROJECT_HOMEPAGE_URL}docs/screenshots/" CACHE STRING
    "URL under which the AppStream metainfo finds docs/screenshots/*.png")
set(CODESCOUT_ICON_SIZES 16 22 24 32 48 64 128 256)
set(CODESCOUT_METAINFO_FILE "${PROJECT_BINARY_DIR}/packaging/${CODESCOUT_APP_ID}.metainfo.xml")
