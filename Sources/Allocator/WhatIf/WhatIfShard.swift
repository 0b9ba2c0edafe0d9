/// One of `count` parts of a what-if batch (`--shard number/count`), so that a
/// batch engine (a Slurm job array, a Kubernetes indexed Job) can spread the
/// variations over many machines; `allocate whatif merge` puts the parts back
/// together (docs/whatif.md, "Sharding").
///
/// Shards are numbered from 1 to `count`. The variations are dealt round-robin
/// by their index: variation k (1 the first) goes to shard ((k − 1) mod count) + 1,
/// so shard 2 of 4 solves variations 2, 6, 10, ... Round-robin rather than
/// contiguous blocks because a variations file lists related questions
/// together (the budget cuts, then the increases), and related questions take
/// similar times: dealt out, each shard gets a share of every kind and the
/// shards finish at about the same time. Which shard solves a variation depends
/// only on its index and `count`, never on the machine or the timing. Every
/// shard solves the base too (each variation starts from it and is compared with it).
public struct WhatIfShard: Sendable, Equatable, CustomStringConvertible {
    /// 1 to `count`.
    public let number: Int
    public let count: Int

    public init(number: Int, of count: Int) {
        precondition(count >= 1 && (1 ... count).contains(number), "shard \(number) of \(count)")
        self.number = number
        self.count = count
    }

    /// Reads `I/N`, both whole numbers, 1 ≤ I ≤ N.
    ///
    /// - Returns: the shard, or what is wrong with the text.
    public static func parse(_ text: String) -> Result<WhatIfShard, ShardSyntaxError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        func whole(_ part: Substring) -> Int? {
            guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        guard parts.count == 2, let number = whole(parts[0]), let count = whole(parts[1]) else {
            return .failure(ShardSyntaxError(text: text, message: "expected I/N, two whole numbers such as 2/16 (shard 2 of 16)"))
        }
        guard count >= 1 else {
            return .failure(ShardSyntaxError(text: text, message: "the number of shards must be at least 1"))
        }
        guard number >= 1 else {
            return .failure(ShardSyntaxError(
                text: text, message: "shards are numbered from 1 to \(count); with a 0-based array index (Kubernetes' JOB_COMPLETION_INDEX), give the index + 1"))
        }
        guard number <= count else {
            return .failure(ShardSyntaxError(text: text, message: "shards are numbered from 1 to \(count)"))
        }
        return .success(WhatIfShard(number: number, of: count))
    }

    /// Whether the run of index `index` (0 the base) is solved by this shard: the base always.
    public func holds(_ index: Int) -> Bool {
        index == 0 || (index - 1) % count == number - 1
    }

    /// The indices of the variations this shard solves, of `variationCount` in all, in order.
    public func indices(of variationCount: Int) -> [Int] {
        Array(stride(from: number, through: variationCount, by: count))
    }

    /// `2/16`.
    public var description: String { "\(number)/\(count)" }
}

/// A `--shard` value that is not `I/N` with 1 ≤ I ≤ N.
public struct ShardSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var message: String

    public var description: String { "--shard \"\(text)\": \(message)" }
}
