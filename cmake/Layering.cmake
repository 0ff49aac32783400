# SPDX-License-Identifier: MIT
# Dependencies point one way: app -> widgets -> engine. The engine gets no Qt include path at all,
# so a Qt include there fails to compile; this check makes a wrong link edge fail at configure time.
function(_quantlens_forbid target pattern why)
  get_target_property(libs ${target} LINK_LIBRARIES)
  get_target_property(ilibs ${target} INTERFACE_LINK_LIBRARIES)
  foreach(lib IN LISTS libs ilibs)
    if(lib MATCHES "${pattern}")
      message(FATAL_ERROR "Layering violation: ${target} links ${lib} (${why})")
    endif()
  endforeach()
endfunction()

function(quantlens_check_layering)
  _quantlens_forbid(quantlens_engine "Qt|QCustomPlot|quantlens_widgets|quantlens_app"
                    "engine/ is Qt-free and sits at the bottom")
  _quantlens_forbid(quantlens_widgets "quantlens_app" "widgets/ must not depend on app/")
endfunction()
