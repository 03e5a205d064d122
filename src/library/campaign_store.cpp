#include "library/campaign_store.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "lib/sqlite/statement.hpp"
#include "library/slug.hpp"

#include <chrono>

namespace loa::library {
namespace {

Campaign read_row(const sqlite::Statement &row) {
    return {row.column_text(0),          row.column_text(1),          row.column_optional_text(2),
            row.column_optional_text(3), row.column_optional_text(4), row.column_text(5)};
}

constexpr const char *select_columns =
    "SELECT id, title, reference, valid_from, valid_until, created_at FROM campaigns ";

void check_date(const std::optional<std::string> &date, const char *option) {
    if (date && !is_iso_date(*date))
        throw InputError(i18n::format(
            _("{1} '{2}' is not a date; write it YYYY-MM-DD, e.g. 2020-07-17"), option, *date));
}

} // namespace

bool is_iso_date(const std::string &text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9')
            return false;
    const std::chrono::year_month_day date{
        std::chrono::year(std::stoi(text.substr(0, 4))),
        std::chrono::month(static_cast<unsigned>(std::stoi(text.substr(5, 2)))),
        std::chrono::day(static_cast<unsigned>(std::stoi(text.substr(8, 2))))};
    return date.ok();
}

void CampaignStore::add(const Campaign &campaign) {
    if (!is_valid_id(campaign.id))
        throw InputError(
            i18n::format(_("'{1}' cannot be a campaign id: use lowercase letters, digits "
                           "and '-', e.g. chong-lua-dao-2020"),
                         campaign.id));
    check_date(campaign.valid_from, "--from");
    check_date(campaign.valid_until, "--until");
    if (campaign.valid_from && campaign.valid_until && *campaign.valid_until < *campaign.valid_from)
        throw InputError(i18n::format(_("campaign '{1}' would end ({2}) before it starts ({3}); "
                                        "check --from and --until"),
                                      campaign.id, *campaign.valid_until, *campaign.valid_from));
    if (find(campaign.id))
        throw InputError(i18n::format(
            _("a campaign '{1}' already exists; 'loa campaign list' shows it"), campaign.id));

    sqlite::Statement insert(
        m_db, "INSERT INTO campaigns (id, title, reference, valid_from, valid_until, "
              "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, campaign.id).bind(2, campaign.title).bind(3, campaign.reference);
    insert.bind(4, campaign.valid_from).bind(5, campaign.valid_until).bind(6, campaign.created_at);
    insert.run();
}

std::optional<Campaign> CampaignStore::find(const std::string &id) const {
    sqlite::Statement select(m_db, std::string(select_columns) + "WHERE id = ?1");
    select.bind(1, id);
    if (!select.step())
        return std::nullopt;
    Campaign campaign = read_row(select);
    select.reset();
    return campaign;
}

std::vector<Campaign> CampaignStore::list() const {
    sqlite::Statement select(m_db,
                             std::string(select_columns) + "ORDER BY coalesce(valid_from, ''), id");
    std::vector<Campaign> all;
    while (select.step())
        all.push_back(read_row(select));
    return all;
}

} // namespace loa::library
