/// The synthetic area tree: provinces, districts, tambons and villages, with
/// each village's share of the projects.
extension ScenarioGenerator {
    /// Villages per tambon and tambons per district on average (a 12,000-project
    /// province gets 2,400 villages in 200 tambons in 20 districts).
    static let villagesPerTambon = 12.0
    static let tambonsPerDistrict = 10.0
    static let projectsPerVillage = 5.0

    /// The area tree as flat arrays in tree order; each node knows its parent's
    /// index and its children's index range, so lookups never need a Dictionary.
    struct AreaTree {
        struct Province {
            let id: String
            /// Bare Thai name, e.g. "ขอนแก่น".
            let name: String
            var districts: Range<Int>
        }

        struct District {
            let id: String
            let name: String
            let province: Int
            var tambons: Range<Int>
        }

        struct Tambon {
            let id: String
            let name: String
            let district: Int
            var villages: Range<Int>
            /// The district seat's tambon is run by a municipality (เทศบาลตำบล), others by an อบต.
            let isMunicipality: Bool
        }

        struct Village {
            let id: String
            /// e.g. "บ้านโนนสูง ม.3".
            let name: String
            let tambon: Int
            /// How many projects this village's forums propose (some are LAO,
            /// district or provincial plan projects raised there).
            let projectQuota: Int
        }

        var areas: [Area] = []
        var provinces: [Province] = []
        var districts: [District] = []
        var tambons: [Tambon] = []
        var villages: [Village] = []
    }

    /// Builds the area tree, sized so that there are about five projects per village.
    ///
    /// - Complexity: O(projects / 5).
    func makeAreas() -> AreaTree {
        var rng = random(.areas)
        let villageCount = max(provinces, Int((Double(projects) / Self.projectsPerVillage).rounded()))
        let villagesPerProvince = Self.split(villageCount, into: provinces, jitter: 0.3, minimum: 1, using: &rng)
        let quotas = Self.split(projects, into: villageCount, jitter: 0.5, minimum: 0, using: &rng)

        // Shape first (counts only), so id widths are known before any id is written.
        var shapes: [[[Int]]] = []  // province -> district -> villages per tambon
        for villages in villagesPerProvince {
            let tambonCount = max(1, Int((Double(villages) / Self.villagesPerTambon).rounded()))
            let districtCount = max(1, Int((Double(tambonCount) / Self.tambonsPerDistrict).rounded()))
            let tambonsPerDistrict = Self.split(tambonCount, into: districtCount, jitter: 0.3, minimum: 1, using: &rng)
            let villagesPerTambon = Self.split(villages, into: tambonCount, jitter: 0.3, minimum: 1, using: &rng)
            var next = 0
            shapes.append(tambonsPerDistrict.map { count in
                defer { next += count }
                return Array(villagesPerTambon[next..<next + count])
            })
        }
        let districtWidth = max(2, String(shapes.map(\.count).max() ?? 1).count)
        let tambonWidth = max(2, String(shapes.flatMap { $0.map(\.count) }.max() ?? 1).count)
        let villageWidth = max(2, String(shapes.flatMap { $0.flatMap { $0 } }.max() ?? 1).count)

        var tree = AreaTree()
        tree.areas.reserveCapacity(villageCount + villageCount / 10 + provinces)
        tree.villages.reserveCapacity(villageCount)
        for (p, districtShapes) in shapes.enumerated() {
            let (code, provinceName) = Self.province(p, using: &rng)
            tree.areas.append(Area(id: code, name: "จ.\(provinceName)", kind: .province))
            let firstDistrict = tree.districts.count
            var districtNames: [Int] = []
            for (d, tambonShapes) in districtShapes.enumerated() {
                let districtId = code + "-" + Self.padded(d + 1, width: districtWidth)
                let districtName = d == 0
                    ? "เมือง" + provinceName
                    : Self.placeName(avoiding: &districtNames, using: &rng)
                tree.areas.append(Area(id: districtId, name: "อ.\(districtName)", parent: code, kind: .district))
                let firstTambon = tree.tambons.count
                var tambonNames: [Int] = []
                for (t, villages) in tambonShapes.enumerated() {
                    let tambonId = districtId + "-" + Self.padded(t + 1, width: tambonWidth)
                    let tambonName = Self.placeName(avoiding: &tambonNames, using: &rng)
                    tree.areas.append(Area(id: tambonId, name: "ต.\(tambonName)", parent: districtId, kind: .tambon))
                    let firstVillage = tree.villages.count
                    var villageNames: [Int] = []
                    for v in 0..<villages {
                        let villageId = tambonId + "-" + Self.padded(v + 1, width: villageWidth)
                        let bare = Self.placeName(avoiding: &villageNames, using: &rng)
                        let name = "บ้าน\(bare) ม.\(v + 1)"
                        tree.areas.append(Area(id: villageId, name: name, parent: tambonId, kind: .village))
                        tree.villages.append(AreaTree.Village(
                            id: villageId, name: name, tambon: tree.tambons.count,
                            projectQuota: quotas[tree.villages.count]))
                    }
                    tree.tambons.append(AreaTree.Tambon(
                        id: tambonId, name: tambonName, district: tree.districts.count,
                        villages: firstVillage..<tree.villages.count, isMunicipality: t == 0))
                }
                tree.districts.append(AreaTree.District(
                    id: districtId, name: districtName, province: p,
                    tambons: firstTambon..<tree.tambons.count))
            }
            tree.provinces.append(AreaTree.Province(
                id: code, name: provinceName, districts: firstDistrict..<tree.districts.count))
        }
        return tree
    }

    /// The `index`-th province: a real one from the catalog while they last,
    /// then invented ones with codes `P31`, `P32`, ...
    static func province(_ index: Int, using rng: inout SeededRandom) -> (code: String, name: String) {
        if index < SyntheticCatalog.provinces.count {
            let province = SyntheticCatalog.provinces[index]
            return (province.code, province.name)
        }
        var none: [Int] = []
        return ("P" + padded(index + 1, width: 2), placeName(avoiding: &none, using: &rng))
    }

    /// A Thai-looking place name (e.g. "โนนสูง") from two syllable lists,
    /// different from the names already drawn in `siblings` when a few tries
    /// allow it (checked only while there are fewer siblings than names, which
    /// keeps huge trees linear). Names are compared by their syllable indices.
    static func placeName(avoiding siblings: inout [Int], using rng: inout SeededRandom) -> String {
        let heads = SyntheticCatalog.placeHeads
        let tails = SyntheticCatalog.placeTails
        var code = 0
        for _ in 0..<(siblings.count < 200 ? 8 : 1) {
            code = rng.int(below: heads.count) * tails.count + rng.int(below: tails.count)
            if !siblings.contains(code) { break }
        }
        siblings.append(code)
        return heads[code / tails.count] + tails[code % tails.count]
    }
}
