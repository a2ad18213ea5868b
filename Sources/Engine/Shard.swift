/// One part of a run split by unit (`--shard i/n`): shard `i` evaluates the units whose position in the data set
/// is `i − 1` modulo `n`, so the parts are disjoint, cover every unit, and need no coordination.
public struct Shard: Sendable, Hashable {
    /// 1-based shard number.
    public var index: Int
    /// How many shards the run is split into.
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// `2/4`; nil when malformed or out of range.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: i, count: n)
    }

    /// Whether this shard evaluates the unit at `unitIndex` of the data set.
    public func owns(_ unitIndex: Int) -> Bool { unitIndex % count == index - 1 }

    /// Findings about the data itself (rejected records …) belong to shard 1 only, so a merge counts them once.
    public var ownsDataFindings: Bool { index == 1 }

    public var text: String { "\(index)/\(count)" }
}
