# SPDX-License-Identifier: MIT
# Desktop integration (desktop file, AppStream metainfo, MIME type, hicolor icons, man page) and CPack:
# `cmake --preset package && cmake --build --preset package && cpack --config build/package/CPackConfig.cmake`
# (packaging/package.sh) makes a .deb and a .tar.gz.
set(CMAKE_INSTALL_DOCDIR share/doc/quantlens) # Debian names the folder after the package
include(GNUInstallDirs)

set(QUANTLENS_APP_ID io.github.quantlens.QuantLens)
set(_linux ${PROJECT_SOURCE_DIR}/packaging/linux)

# Bitmaps of the scalable icon, rendered at build time with Qt SVG.
add_executable(quantlens_render_icon ${PROJECT_SOURCE_DIR}/packaging/render_icon.cpp)
target_link_libraries(quantlens_render_icon PRIVATE Qt6::Gui Qt6::Svg)
target_compile_definitions(quantlens_render_icon PRIVATE QT_NO_CAST_FROM_ASCII)
# A build tool that runs during the build: no sanitizers (a leak report in Qt would fail an ASan build).
target_compile_options(quantlens_render_icon PRIVATE -Wall -Wextra)
set(_icons "")
foreach(size 16 22 24 32 48 64 128 256 512)
  set(_png ${CMAKE_BINARY_DIR}/icons/${size}x${size}/${QUANTLENS_APP_ID}.png)
  add_custom_command(OUTPUT ${_png}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/icons/${size}x${size}
    COMMAND quantlens_render_icon ${_linux}/${QUANTLENS_APP_ID}.svg ${_png} ${size}
    DEPENDS quantlens_render_icon ${_linux}/${QUANTLENS_APP_ID}.svg
    COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
  list(APPEND _icons ${_png})
  install(FILES ${_png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()

# The man page, compressed as Debian installs them.
set(_man ${CMAKE_BINARY_DIR}/man/quantlens-cli.1.gz)
add_custom_command(OUTPUT ${_man}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
  COMMAND gzip -9 -n -c ${PROJECT_SOURCE_DIR}/docs/quantlens-cli.1 > ${_man}
  DEPENDS ${PROJECT_SOURCE_DIR}/docs/quantlens-cli.1 VERBATIM)
add_custom_target(quantlens_desktop_files ALL DEPENDS ${_icons} ${_man})

install(FILES ${_linux}/${QUANTLENS_APP_ID}.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${_linux}/${QUANTLENS_APP_ID}.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/mimetypes
        RENAME application-x-tflite.svg)
install(FILES ${_linux}/${QUANTLENS_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${_linux}/${QUANTLENS_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${_linux}/quantlens-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME quantlens.xml)
install(FILES ${_man} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The README links to these.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
        FILES_MATCHING PATTERN "*.md" PATTERN "*.png")

set(CPACK_PACKAGE_NAME quantlens)
set(CPACK_PACKAGE_VENDOR "QuantLens developers")
set(CPACK_PACKAGE_CONTACT "QuantLens developers <quantlens@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Explore the quantization of TensorFlow Lite models")
set(CPACK_PACKAGE_DESCRIPTION
    "QuantLens opens a TensorFlow Lite model and shows what quantization does to it: layers, weight\n\
histograms, quantization error, every TFLite mode side by side, evaluation on a data set,\n\
quantization-aware training and export. quantlens-cli offers the same as JSON.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_PACKAGE_FILE_NAME quantlens-${PROJECT_VERSION}-${CMAKE_SYSTEM_PROCESSOR})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# shlibdeps cannot see Qt's platform plugins (loaded at run time) or fonts.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, fonts-dejavu-core | fonts-freefont-ttf")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, fonts-wqy-microhei | fonts-noto-cjk")
include(CPack)
