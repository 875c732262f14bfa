// The data of the gazetteer: English local authorities with children's services, 2009-2026.
#include "core/common/authority_table.h"

namespace findings {

namespace {

constexpr const char* k_ne = "North East";
constexpr const char* k_nw = "North West";
constexpr const char* k_yh = "Yorkshire and the Humber";
constexpr const char* k_em = "East Midlands";
constexpr const char* k_wm = "West Midlands";
constexpr const char* k_ee = "East of England";
constexpr const char* k_ldn = "London";
constexpr const char* k_se = "South East";
constexpr const char* k_sw = "South West";

constexpr AuthorityType k_lb = AuthorityType::london_borough;
constexpr AuthorityType k_md = AuthorityType::metropolitan_district;
constexpr AuthorityType k_cty = AuthorityType::county;
constexpr AuthorityType k_ua = AuthorityType::unitary;

}  // namespace

// Columns: name, region, type, from_year, to_year, other names, extra forms, Ofsted slug.
// Types are the current ones: Buckinghamshire (2020), Dorset (2019), North Yorkshire and
// Somerset (2023) were counties before becoming unitary under the same name.
const std::vector<AuthorityRow>& authority_rows() {
    static const std::vector<AuthorityRow> rows = {
        {"Barking and Dagenham", k_ldn, k_lb, 0, 0, {}, {"LBBD"}},
        {"Barnet", k_ldn, k_lb, 0, 0},
        {"Barnsley", k_yh, k_md, 0, 0},
        {"Bath and North East Somerset", k_sw, k_ua, 0, 0, {}, {"B&NES", "BANES"}},
        {"Bedford", k_ee, k_ua, 2009, 0},
        {"Bedfordshire", k_ee, k_cty, 0, 2009},
        {"Bexley", k_ldn, k_lb, 0, 0},
        {"Birmingham", k_wm, k_md, 0, 0},
        {"Blackburn with Darwen", k_nw, k_ua, 0, 0},
        {"Blackpool", k_nw, k_ua, 0, 0},
        {"Bolton", k_nw, k_md, 0, 0},
        {"Bournemouth", k_sw, k_ua, 0, 2019},
        {"Bournemouth, Christchurch and Poole", k_sw, k_ua, 2019, 0, {}, {"BCP Council"},
         "bournemouth-christchurch-poole"},
        {"Bracknell Forest", k_se, k_ua, 0, 0},
        {"Bradford", k_yh, k_md, 0, 0, {}, {"Bradford Children and Families Trust"}},
        {"Brent", k_ldn, k_lb, 0, 0},
        {"Brighton and Hove", k_se, k_ua, 0, 0},
        {"Bristol", k_sw, k_ua, 0, 0},
        {"Bromley", k_ldn, k_lb, 0, 0},
        {"Buckinghamshire", k_se, k_ua, 0, 0},
        {"Bury", k_nw, k_md, 0, 0},
        {"Calderdale", k_yh, k_md, 0, 0},
        {"Cambridgeshire", k_ee, k_cty, 0, 0},
        {"Camden", k_ldn, k_lb, 0, 0},
        {"Central Bedfordshire", k_ee, k_ua, 2009, 0},
        {"Cheshire", k_nw, k_cty, 0, 2009},
        {"Cheshire East", k_nw, k_ua, 2009, 0},
        {"Cheshire West and Chester", k_nw, k_ua, 2009, 0, {"Cheshire West"}, {"CWaC"}},
        {"City of London", k_ldn, k_lb, 0, 0, {},
         {"City of London Corporation", "Corporation of London"}, "london-corporation"},
        {"Cornwall", k_sw, k_ua, 0, 0},
        {"Coventry", k_wm, k_md, 0, 0},
        {"Croydon", k_ldn, k_lb, 0, 0},
        {"Cumberland", k_nw, k_ua, 2023, 0},
        {"Cumbria", k_nw, k_cty, 0, 2023},
        {"Darlington", k_ne, k_ua, 0, 0},
        {"Derby", k_em, k_ua, 0, 0},
        {"Derbyshire", k_em, k_cty, 0, 0},
        {"Devon", k_sw, k_cty, 0, 0},
        {"Doncaster", k_yh, k_md, 0, 0, {}, {"Doncaster Children's Services Trust"}},
        {"Dorset", k_sw, k_ua, 0, 0},
        {"Dudley", k_wm, k_md, 0, 0},
        {"Durham", k_ne, k_ua, 0, 0, {"County Durham"}},
        {"Ealing", k_ldn, k_lb, 0, 0},
        {"East Riding of Yorkshire", k_yh, k_ua, 0, 0, {"East Riding"}},
        {"East Sussex", k_se, k_cty, 0, 0},
        {"Enfield", k_ldn, k_lb, 0, 0},
        {"Essex", k_ee, k_cty, 0, 0},
        {"Gateshead", k_ne, k_md, 0, 0},
        {"Gloucestershire", k_sw, k_cty, 0, 0},
        {"Greenwich", k_ldn, k_lb, 0, 0},
        {"Hackney", k_ldn, k_lb, 0, 0},
        {"Halton", k_nw, k_ua, 0, 0},
        {"Hammersmith and Fulham", k_ldn, k_lb, 0, 0, {}, {"LBHF"}},
        {"Hampshire", k_se, k_cty, 0, 0},
        {"Haringey", k_ldn, k_lb, 0, 0},
        {"Harrow", k_ldn, k_lb, 0, 0},
        {"Hartlepool", k_ne, k_ua, 0, 0},
        {"Havering", k_ldn, k_lb, 0, 0},
        {"Herefordshire", k_wm, k_ua, 0, 0},
        {"Hertfordshire", k_ee, k_cty, 0, 0},
        {"Hillingdon", k_ldn, k_lb, 0, 0},
        {"Hounslow", k_ldn, k_lb, 0, 0},
        {"Isle of Wight", k_se, k_ua, 0, 0},
        {"Isles of Scilly", k_sw, k_ua, 0, 0},
        {"Islington", k_ldn, k_lb, 0, 0},
        {"Kensington and Chelsea", k_ldn, k_lb, 0, 0, {}, {"RBKC"}},
        {"Kent", k_se, k_cty, 0, 0},
        {"Kingston upon Hull", k_yh, k_ua, 0, 0, {"Hull"}},
        {"Kingston upon Thames", k_ldn, k_lb, 0, 0},
        {"Kirklees", k_yh, k_md, 0, 0},
        {"Knowsley", k_nw, k_md, 0, 0},
        {"Lambeth", k_ldn, k_lb, 0, 0},
        {"Lancashire", k_nw, k_cty, 0, 0},
        {"Leeds", k_yh, k_md, 0, 0},
        {"Leicester", k_em, k_ua, 0, 0},
        {"Leicestershire", k_em, k_cty, 0, 0},
        {"Lewisham", k_ldn, k_lb, 0, 0},
        {"Lincolnshire", k_em, k_cty, 0, 0},
        {"Liverpool", k_nw, k_md, 0, 0},
        {"Luton", k_ee, k_ua, 0, 0},
        {"Manchester", k_nw, k_md, 0, 0},
        {"Medway", k_se, k_ua, 0, 0},
        {"Merton", k_ldn, k_lb, 0, 0},
        {"Middlesbrough", k_ne, k_ua, 0, 0},
        {"Milton Keynes", k_se, k_ua, 0, 0},
        {"Newcastle upon Tyne", k_ne, k_md, 0, 0, {"Newcastle"}},
        {"Newham", k_ldn, k_lb, 0, 0},
        {"Norfolk", k_ee, k_cty, 0, 0},
        {"North East Lincolnshire", k_yh, k_ua, 0, 0},
        {"North Lincolnshire", k_yh, k_ua, 0, 0},
        {"North Northamptonshire", k_em, k_ua, 2021, 0},
        {"North Somerset", k_sw, k_ua, 0, 0},
        {"North Tyneside", k_ne, k_md, 0, 0},
        {"North Yorkshire", k_yh, k_ua, 0, 0},
        {"Northamptonshire", k_em, k_cty, 0, 2021},
        {"Northumberland", k_ne, k_ua, 0, 0},
        {"Nottingham", k_em, k_ua, 0, 0},
        {"Nottinghamshire", k_em, k_cty, 0, 0},
        {"Oldham", k_nw, k_md, 0, 0},
        {"Oxfordshire", k_se, k_cty, 0, 0},
        {"Peterborough", k_ee, k_ua, 0, 0},
        {"Plymouth", k_sw, k_ua, 0, 0},
        {"Poole", k_sw, k_ua, 0, 2019},
        {"Portsmouth", k_se, k_ua, 0, 0},
        {"Reading", k_se, k_ua, 0, 0, {}, {"Brighter Futures for Children"}},
        {"Redbridge", k_ldn, k_lb, 0, 0},
        {"Redcar and Cleveland", k_ne, k_ua, 0, 0},
        {"Richmond upon Thames", k_ldn, k_lb, 0, 0},
        {"Rochdale", k_nw, k_md, 0, 0},
        {"Rotherham", k_yh, k_md, 0, 0},
        {"Rutland", k_em, k_ua, 0, 0},
        {"Salford", k_nw, k_md, 0, 0},
        {"Sandwell", k_wm, k_md, 0, 0},
        {"Sefton", k_nw, k_md, 0, 0},
        {"Sheffield", k_yh, k_md, 0, 0},
        {"Shropshire", k_wm, k_ua, 0, 0},
        {"Slough", k_se, k_ua, 0, 0, {},
         {"Slough Children First", "Slough Children's Services Trust"}},
        {"Solihull", k_wm, k_md, 0, 0},
        {"Somerset", k_sw, k_ua, 0, 0},
        {"South Gloucestershire", k_sw, k_ua, 0, 0},
        {"South Tyneside", k_ne, k_md, 0, 0},
        {"Southampton", k_se, k_ua, 0, 0},
        {"Southend-on-Sea", k_ee, k_ua, 0, 0, {"Southend"}},
        {"Southwark", k_ldn, k_lb, 0, 0},
        {"St Helens", k_nw, k_md, 0, 0, {"Saint Helens"}},
        {"Staffordshire", k_wm, k_cty, 0, 0},
        {"Stockport", k_nw, k_md, 0, 0},
        {"Stockton-on-Tees", k_ne, k_ua, 0, 0},
        {"Stoke-on-Trent", k_wm, k_ua, 0, 0},
        {"Suffolk", k_ee, k_cty, 0, 0},
        {"Sunderland", k_ne, k_md, 0, 0, {},
         {"Together for Children", "Together for Children Sunderland"}},
        {"Surrey", k_se, k_cty, 0, 0},
        {"Sutton", k_ldn, k_lb, 0, 0},
        {"Swindon", k_sw, k_ua, 0, 0},
        {"Tameside", k_nw, k_md, 0, 0},
        {"Telford and Wrekin", k_wm, k_ua, 0, 0, {}, {}, "telford-wrekin"},
        {"Thurrock", k_ee, k_ua, 0, 0},
        {"Torbay", k_sw, k_ua, 0, 0},
        {"Tower Hamlets", k_ldn, k_lb, 0, 0},
        {"Trafford", k_nw, k_md, 0, 0},
        {"Wakefield", k_yh, k_md, 0, 0},
        {"Walsall", k_wm, k_md, 0, 0},
        {"Waltham Forest", k_ldn, k_lb, 0, 0},
        {"Wandsworth", k_ldn, k_lb, 0, 0},
        {"Warrington", k_nw, k_ua, 0, 0},
        {"Warwickshire", k_wm, k_cty, 0, 0},
        {"West Berkshire", k_se, k_ua, 0, 0},
        {"West Northamptonshire", k_em, k_ua, 2021, 0},
        {"West Sussex", k_se, k_cty, 0, 0},
        {"Westminster", k_ldn, k_lb, 0, 0},
        {"Westmorland and Furness", k_nw, k_ua, 2023, 0},
        {"Wigan", k_nw, k_md, 0, 0},
        {"Wiltshire", k_sw, k_ua, 0, 0},
        {"Windsor and Maidenhead", k_se, k_ua, 0, 0, {}, {"RBWM"}, "windsor-maidenhead"},
        {"Wirral", k_nw, k_md, 0, 0},
        {"Wokingham", k_se, k_ua, 0, 0},
        {"Wolverhampton", k_wm, k_md, 0, 0},
        {"Worcestershire", k_wm, k_cty, 0, 0, {}, {"Worcestershire Children First"}},
        {"York", k_yh, k_ua, 0, 0},
    };
    return rows;
}

const std::vector<const char*>& common_word_names() {
    static const std::vector<const char*> names = {
        "Bury", "Derby", "Hackney", "Harrow", "Havering", "Hull", "Reading", "Slough",
        "Brighter Futures for Children", "Together for Children",
    };
    return names;
}

// "Manchester M1 2WD" is Ofsted's own address, printed on every report; "Reading Lane" is
// the address of Hackney's children's services.
const std::vector<const char*>& non_authority_phrases() {
    static const std::vector<const char*> phrases = {
        "Bury St Edmunds", "Greater Manchester", "Manchester M1 2WD", "New York",
        "Newcastle-under-Lyme", "Newcastle Borough Council", "Reading Lane", "Sutton Coldfield",
        "Sutton-in-Ashfield",
    };
    return phrases;
}

}  // namespace findings
