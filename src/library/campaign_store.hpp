#pragma once
// The station's campaigns, in its database.
#include "library/campaign.hpp"

#include <optional>
#include <string>
#include <vector>

namespace loa::sqlite {
class Database;
}

namespace loa::library {

class CampaignStore {
public:
    explicit CampaignStore(sqlite::Database &db) : m_db(db) {}

    /// Adds a campaign. Throws InputError for a bad id, an existing id, a date that
    /// is not YYYY-MM-DD or a range that ends before it starts.
    void add(const Campaign &campaign);
    std::optional<Campaign> find(const std::string &id) const;
    std::vector<Campaign> list() const;

private:
    sqlite::Database &m_db;
};

/// True for a real calendar date written YYYY-MM-DD.
bool is_iso_date(const std::string &text);

} // namespace loa::library
