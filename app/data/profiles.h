// SPDX-License-Identifier: MIT
// Target profiles as data files: the ones shipped (resources/targets/*.json, compiled in) and the user's own
// (~/.config/QuantLens/targets/*.json, or a file named on the command line), read into target::Profile. The
// format is documented in docs/targets.md; a file that does not follow it is an error naming the file and the
// key.
#pragma once

#include "core/result.h"
#include "target/profile.h"

#include <QString>

#include <vector>

namespace ql::app {

// Every profile: the shipped ones, then the user's (a user profile of the same name replaces a shipped one).
Result<std::vector<target::Profile>> loadProfiles();
// A profile by name, or a .json file of one.
Result<target::Profile> findProfile(const QString& nameOrFile);
Result<target::Profile> readProfile(const QString& file);

} // namespace ql::app
