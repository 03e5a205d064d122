#pragma once
// The raw play log as CSV (RFC 4180, UTF-8) for the province: DESIGN.md's play
// row fields, then the hash-chain fields so the file can be verified on its own.
#include "playlog/play_fields.hpp"
#include "playlog/play_record.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace loa::report {

/// Which columns a raw export has: DESIGN.md's play row fields, then (for a file
/// the province verifies) the hash chain's. `loa simulate` prints the first only.
enum class ExportColumns { with_chain, row_only };

/// The fields of play_fields() a raw export writes, in order.
std::vector<const playlog::PlayField *> export_fields(ExportColumns columns);

/// Writes the header and one line per row, CRLF line ends as RFC 4180 says.
void write_csv(std::ostream &out, const std::vector<playlog::PlayRecord> &rows,
               const std::string &chain_id);

/// Streams a CSV export row by row (a year of plays need not fit in memory).
class CsvWriter {
public:
    /// Writes the header. `out` must outlive the writer.
    CsvWriter(std::ostream &out, std::string chain_id,
              ExportColumns columns = ExportColumns::with_chain);
    ~CsvWriter();
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    void write(const playlog::PlayRecord &row);
    /// Hands what is buffered to the stream. Also done by the destructor.
    void flush();

private:
    std::ostream &m_out;
    std::string m_chain_id;
    std::vector<const playlog::PlayField *> m_fields;
    std::string m_buffer;
};

/// Quotes a CSV field when it needs it (comma, quote, CR or LF inside).
std::string csv_field(const std::string &text);

/// Appends `text` to `out` as one CSV field, quoted when it needs it.
void append_csv_field(std::string &out, std::string_view text);

} // namespace loa::report
