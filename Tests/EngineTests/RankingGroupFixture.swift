import Common
@testable import Plan

enum RankingGroupFixture {
    static let group = RankingGroup(id: "g", title: "G", kinds: [.ward], location: SourceLocation(file: "t", line: 1))
}
