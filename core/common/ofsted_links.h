// Where Ofsted publishes an authority's children's services reports: the provider page of its
// unique reference number (URN), from stopwords/authority-urns.csv, so that a citation can be
// followed to the original.
#pragma once

#include <string>

namespace findings {

// Returns the Ofsted page that lists every report on the authority's children's services
// ("https://reports.ofsted.gov.uk/provider/44/80486"), or "" for a name the table lacks.
std::string ofsted_provider_url(const std::string& authority);

}  // namespace findings
