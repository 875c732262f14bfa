// The compiled-in authority table that the gazetteer is built from (internal to core/).
#pragma once

#include "core/common/gazetteer.h"

#include <vector>

namespace findings {

// One authority as written in the table; trailing fields may be left out.
struct AuthorityRow {
    const char* name;
    const char* region;
    AuthorityType type;
    int from_year;
    int to_year;
    // Other short names, which take the usual prefixes and suffixes ("Hull", "County Durham").
    std::vector<const char*> other_names = {};
    // Forms used only as written: trusts, companies, acronyms.
    std::vector<const char*> extra_forms = {};
    // Ofsted's file-name slug when it differs from the slug of name.
    const char* slug = nullptr;
};

// Returns every authority with children's services since 2009, current and former.
const std::vector<AuthorityRow>& authority_rows();

// Returns the names and forms that are also common words ("Reading", "Bury"): running
// text names the authority only when they are capitalised.
const std::vector<const char*>& common_word_names();

// Returns phrases that contain an authority's name but name something else
// ("Newcastle-under-Lyme", "Greater Manchester").
const std::vector<const char*>& non_authority_phrases();

}  // namespace findings
