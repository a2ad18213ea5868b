import Common
import LocatedYAML

extension ReadContext {
    /// `expect`: a string such as `">= 98%"`, or a mapping from `default` and unit kinds to such strings.
    func expectations(_ node: YAMLNode, what: String) -> ExpectationSet? {
        if node.scalar != nil { return expectation(node, what: what).map { ExpectationSet(default: $0) } }
        guard node.mapping != nil else {
            error(node.location, "bad-expectation", "expected a threshold such as \">= 98%\" or a mapping of unit kinds "
                  + "for \(what), found \(node.kindDescription)")
            return nil
        }
        guard let pairs = uniquePairs(node, what: what) else { return nil }
        var set = ExpectationSet(default: nil)
        var ok = true
        for (key, pair) in pairs {
            let e = expectation(pair.value, what: "'\(key)' of \(what)")
            if key == "default" {
                set.default = e
            } else if let kind = UnitKind(rawValue: key) {
                set.byKind[kind] = e
            } else {
                let keys = ["default"] + UnitKind.allCases.map(\.rawValue)
                error(pair.key.location, "unknown-unit-kind", "unknown unit kind '\(key)' in \(what)" + Suggest.hintOrList(for: key, among: keys))
                ok = false
            }
            ok = ok && e != nil
        }
        if pairs.isEmpty {
            error(node.location, "bad-expectation", "\(what) gives no threshold")
            return nil
        }
        return ok ? set : nil
    }

    /// One threshold string.
    func expectation(_ node: YAMLNode, what: String) -> Expectation? {
        guard let text = node.scalar, !node.isNull else {
            error(node.location, "bad-expectation", "expected a threshold such as \">= 98%\" for \(what), found \(node.kindDescription)")
            return nil
        }
        if let tag = node.tag, tag.hasPrefix("!") {
            // `expect: != 0` reads as the tag `!=` on `0` in YAML.
            error(node.location, "bad-expectation", "YAML read '\(tag)' as a tag; quote the threshold: \"\(tag) \(text)\"")
            return nil
        }
        switch Expectation.parse(text, location: node.location) {
        case .success(let e): return e
        case .failure(let d):
            bag.add(d)
            return nil
        }
    }
}
