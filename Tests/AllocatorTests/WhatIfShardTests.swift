@testable import Allocator
import Testing

/// `--shard I/N`: the syntax, and the deal of variations to shards, checked
/// as properties for every list length up to 60 and every shard count up to
/// 70: each variation in exactly one shard, each shard's list in order, the
/// shards' sizes at most one apart, the base in every shard.
@Suite struct WhatIfShardTests {
    @Test func readsIOfN() throws {
        #expect(try WhatIfShard.parse("1/1").get() == WhatIfShard(number: 1, of: 1))
        #expect(try WhatIfShard.parse("3/16").get() == WhatIfShard(number: 3, of: 16))
        #expect(try WhatIfShard.parse("16/16").get().description == "16/16")
    }

    @Test(arguments: [
        ("0/3", "shards are numbered from 1 to 3"),
        ("4/3", "shards are numbered from 1 to 3"),
        ("1/0", "the number of shards must be at least 1"),
        ("a/b", "expected I/N"),
        ("3", "expected I/N"),
        ("1/2/3", "expected I/N"),
        ("-1/3", "expected I/N"),
        (" 1/3", "expected I/N"),
        ("1.0/3", "expected I/N"),
        ("๑/3", "expected I/N"),
        ("1/", "expected I/N"),
        ("99999999999/3", "expected I/N"),
    ])
    func refusesAnythingElse(text: String, message: String) {
        guard case .failure(let error) = WhatIfShard.parse(text) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(error.description.hasPrefix("--shard \"\(text)\": \(message)"), "\(error)")
    }

    @Test func dealsEveryVariationToExactlyOneShard() {
        for variations in 0 ... 60 {
            for count in 1 ... 70 {
                let shards = (1 ... count).map { WhatIfShard(number: $0, of: count) }
                let lists = shards.map { $0.indices(of: variations) }
                #expect(lists.flatMap { $0 }.sorted() == Array(stride(from: 1, through: variations, by: 1)),
                        "\(variations) variations, \(count) shards")
                let sizes = lists.map(\.count)
                #expect(sizes.max()! - sizes.min()! <= 1, "\(variations) variations, \(count) shards: sizes \(sizes)")
                for (shard, list) in zip(shards, lists) {
                    #expect(list == list.sorted())
                    #expect((0 ... variations).filter { shard.holds($0) } == [0] + list, "\(shard) of \(variations)")
                }
            }
        }
    }

    /// Round-robin: shard 2 of 4 solves variations 2, 6, 10.
    @Test func roundRobinByIndex() {
        #expect(WhatIfShard(number: 2, of: 4).indices(of: 11) == [2, 6, 10])
        #expect(WhatIfShard(number: 4, of: 4).indices(of: 3) == [])
        #expect(WhatIfShard(number: 1, of: 1).indices(of: 3) == [1, 2, 3])
    }
}
