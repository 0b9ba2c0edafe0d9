/// One node of the area tree (province > district > tambon > village).
public struct Area: Sendable, Equatable {
    /// The kinds an area may declare; when absent its depth decides (root = province).
    public enum Kind: String, CaseIterable, Sendable {
        case province, district, tambon, village
    }

    public var id: String
    public var name: String?
    /// The parent area's id; nil only for roots (several provinces may be roots).
    public var parent: String?
    public var kind: Kind?

    public init(id: String, name: String? = nil, parent: String? = nil, kind: Kind? = nil) {
        self.id = id
        self.name = name
        self.parent = parent
        self.kind = kind
    }
}
