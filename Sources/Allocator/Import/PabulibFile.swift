/// One participatory-budgeting instance in the pabulib format (pabulib.org;
/// Faliszewski et al., "Participatory Budgeting: Data, Tools, and Analysis",
/// IJCAI 2023): UTF-8 text, `;`-separated, in three sections, each a title
/// line (`META`, `PROJECTS`, `VOTES`) followed by a header line:
///
/// * `META`: `key;value` rows (`budget`, `vote_type`, `unit`, `subunit`, `currency`, ...);
/// * `PROJECTS`: `project_id;cost;...` with optional `votes`, `score`, `name`,
///   `category`, `target`, `selected` and others;
/// * `VOTES`: `voter_id;vote;...`, `vote` listing project ids separated by
///   commas and, for cumulative and scoring votes, `points` in the same order.
///
/// Read as pabutools reads it: section titles in any case, cells trimmed,
/// `none` as an empty cell, a comma in `cost` and `budget` as the decimal
/// point. Quotes are read leniently (names such as `"Odkupmy" i my` keep their
/// quotes). Problems name the file, the text line and the column.
public struct PabulibFile: Sendable {
    /// A `META` row.
    public struct Meta: Sendable, Equatable {
        public var key: String
        public var value: String
        public var line: Int
    }

    /// A section's header (trimmed) and its data rows (blank rows left out).
    public struct Section: Sendable {
        public var header: [String]
        public var headerLine: Int
        public var rows: [CSVRecord]

        /// The column index of `name` (case ignored).
        public func column(_ name: String) -> Int? {
            header.firstIndex { $0.lowercased() == name }
        }

        /// The trimmed cell of `record` in column `k`; nil when absent, empty or `none`.
        public func cell(_ record: CSVRecord, _ k: Int?) -> String? {
            guard let k, k < record.fields.count else { return nil }
            let text = record.fields[k].trimmingWhitespace()
            return text.isEmpty || text.lowercased() == "none" ? nil : text
        }
    }

    /// The file as named in problems.
    public var name: String
    public var meta: [Meta]
    public var projects: Section
    public var votes: Section?

    /// The value of a `META` key (case ignored), or nil.
    public func meta(_ key: String) -> Meta? {
        meta.first { $0.key.lowercased() == key }
    }

    /// Reads a pabulib file's text.
    ///
    /// - Throws: `ImportError`: not UTF-8, a quote never closed, or no `PROJECTS` section with a header.
    public static func read(_ file: CSVFile) throws(ImportError) -> PabulibFile {
        let records = try CSVReader.records(
            file.bytes, file: file.name, options: CSVReader.Options(delimiter: UInt8(ascii: ";"), strictQuotes: false))
        var meta: [Meta] = []
        var sections: [String: Section] = [:]
        var current: String?
        var awaitingHeader = false
        for record in records where !record.isBlank {
            let first = record.fields[0].trimmingWhitespace().lowercased()
            let rest = record.fields.dropFirst().allSatisfy { $0.trimmingWhitespace().isEmpty }
            if rest, ["meta", "projects", "votes"].contains(first) {
                current = first
                awaitingHeader = true
                continue
            }
            guard let section = current else {
                throw ImportError(problems: [ImportProblem(
                    file: file.name, line: record.line,
                    message: "expected the section title META, PROJECTS or VOTES on the first line")])
            }
            if awaitingHeader {
                awaitingHeader = false
                sections[section] = Section(header: record.fields.map { $0.trimmingWhitespace() }, headerLine: record.line, rows: [])
                continue
            }
            if section == "meta" {
                let value = record.fields.count > 1 ? record.fields[1].trimmingWhitespace() : ""
                meta.append(Meta(key: record.fields[0].trimmingWhitespace(), value: value, line: record.line))
            } else {
                sections[section]?.rows.append(record)
            }
        }
        guard let projects = sections["projects"] else {
            throw ImportError(problems: [ImportProblem(
                file: file.name, message: "no PROJECTS section (a line PROJECTS, then a header line such as project_id;cost;votes;name)")])
        }
        return PabulibFile(name: file.name, meta: meta, projects: projects, votes: sections["votes"])
    }

    /// A number as pabulib writes amounts: digits with `.` or `,` as the decimal point.
    static func amount(_ text: String) -> Double? {
        let plain = text.contains(".") ? text : String(text.map { $0 == "," ? "." : $0 })
        guard plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }),
              let value = Double(plain), value.isFinite else { return nil }
        return value
    }

    /// What the `VOTES` section gives each project: the number of ballots that
    /// list it, and the points they give it (`points` column; 1 per ballot without one).
    public struct Tally: Sendable, Equatable {
        public var ballots: [String: Int] = [:]
        public var points: [String: Double] = [:]
    }

    /// Counts the `VOTES` section.
    ///
    /// - Throws: `ImportError`: no `VOTES` section or no `vote` column, a vote for
    ///   an unknown project, points that are not numbers or not one per project voted for.
    public func tally(projectIds: Set<String>) throws(ImportError) -> Tally {
        guard let votes, let voteColumn = votes.column("vote") else {
            throw ImportError(problems: [ImportProblem(
                file: name, message: "no VOTES section with a vote column to count the votes from")])
        }
        let pointsColumn = votes.column("points")
        var tally = Tally()
        var problems: [ImportProblem] = []
        for record in votes.rows {
            let ids = (votes.cell(record, voteColumn) ?? "").split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            let points = pointsColumn.flatMap { votes.cell(record, $0) }?.split(separator: ",").map { String($0).trimmingWhitespace() }
            if let points, points.count != ids.count {
                problems.append(ImportProblem(file: name, line: record.line, column: votes.header[pointsColumn!],
                                              message: "\(points.count) points for \(ids.count) projects voted for"))
                continue
            }
            for (k, id) in ids.enumerated() {
                guard projectIds.contains(id) else {
                    problems.append(ImportProblem(file: name, line: record.line, column: votes.header[voteColumn],
                                                  message: "a vote for project \"\(id)\", which the PROJECTS section does not list"))
                    continue
                }
                var given = 1.0
                if let points {
                    guard let value = Self.amount(points[k]) else {
                        problems.append(ImportProblem(file: name, line: record.line, column: votes.header[pointsColumn!],
                                                      message: "expected a number of points, found \"\(points[k])\""))
                        continue
                    }
                    given = value
                }
                tally.ballots[id, default: 0] += 1
                tally.points[id, default: 0] += given
            }
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        return tally
    }
}
