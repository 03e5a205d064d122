#include "report/json_export.hpp"

#include "core/json.hpp"
#include "report/csv_export.hpp"

namespace loa::report {

void write_json_lines(std::ostream &out, const std::vector<playlog::PlayRecord> &rows,
                      const std::string &chain_id) {
    for (const auto &r : rows)
        write_json_line(out, r, chain_id);
}

void write_json_line(std::ostream &out, const playlog::PlayRecord &r, const std::string &chain_id,
                     ExportColumns columns) {
    static const auto with_chain = export_fields(ExportColumns::with_chain);
    static const auto row_only = export_fields(ExportColumns::row_only);
    const auto &fields = columns == ExportColumns::with_chain ? with_chain : row_only;
    // A row not yet chained has no chain id either.
    const std::string_view chain = r.seq ? std::string_view(chain_id) : std::string_view();
    std::string line = "{";
    for (const auto *field : fields) {
        if (line.size() > 1)
            line.push_back(',');
        json::append_string(line, field->key);
        line.push_back(':');
        const auto value = field->get(r, chain);
        if (const auto text = playlog::text_of(value))
            json::append_string(line, *text);
        else if (const auto *number = std::get_if<std::int64_t>(&value))
            line += std::to_string(*number);
        else if (const auto *flag = std::get_if<bool>(&value))
            line += *flag ? "true" : "false";
        else
            line += "null";
    }
    line += "}\n";
    out << line;
}

} // namespace loa::report
