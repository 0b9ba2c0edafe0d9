/// What a what-if batch was asked, in the form its shards compare: the
/// scenario file (by its SHA-256, as `sha256sum` prints it), the variation list
/// (by the SHA-256 of its names, descriptions and changes, in order), the
/// number of variations and the limits given for every solve.
///
/// Each shard writes it into its `comparison.json`; `allocate whatif merge`
/// refuses shards whose requests differ, since their variations would not be
/// parts of one batch (another file version, another `--set`, another `--gap`).
/// `--jobs` is not part of it: it changes how fast, not what is solved.
public struct WhatIfRequest: Sendable, Equatable {
    /// "sha256:" and 64 hex digits.
    public var scenario: String
    /// "sha256:" and 64 hex digits.
    public var variationList: String
    public var variations: Int
    /// `--gap` and `--time-limit`, nil when not given (each scenario's own policy applies).
    public var gap: Double?
    public var timeLimit: Double?

    public init(scenario: String, variationList: String, variations: Int, gap: Double?, timeLimit: Double?) {
        self.scenario = scenario
        self.variationList = variationList
        self.variations = variations
        self.gap = gap
        self.timeLimit = timeLimit
    }

    /// The request of a batch of `variations` on the scenario file whose bytes are `scenarioBytes`.
    public init(scenarioBytes: [UInt8], variations: [Variation], gap: Double?, timeLimit: Double?) {
        self.init(
            scenario: Self.digest(scenarioBytes), variationList: Self.digest(variations), variations: variations.count,
            gap: gap, timeLimit: timeLimit)
    }

    /// "sha256:" and the hex digest of `bytes`.
    public static func digest(_ bytes: [UInt8]) -> String {
        "sha256:" + SHA256.hex(bytes)
    }

    /// The digest of the list as JSON text: one `{"name", "description", "changes"}` per variation, in order.
    public static func digest(_ variations: [Variation]) -> String {
        let list = JSONOutput.array(variations.map { variation in
            .object([
                ("name", .string(variation.name)), ("description", .string(variation.description)),
                ("changes", .array(variation.changes.map { .string($0.text) })),
            ])
        })
        return digest(Array(list.serialized().utf8))
    }

    public var json: JSONOutput {
        .object([
            ("scenario", .string(scenario)), ("variationList", .string(variationList)), ("variations", .int(variations)),
            ("gap", .number(gap)), ("timeLimit", .number(timeLimit)),
        ])
    }
}
