import Common
import LocatedYAML

extension ReadContext {
    /// Any YAML as a `ParamValue`: plain scalars become null, booleans or numbers the YAML 1.2 core way;
    /// everything quoted stays a string. Duplicate keys are errors, as everywhere in the plan.
    func param(_ node: YAMLNode, what: String) -> ParamValue {
        switch node.kind {
        case .scalar(let text, let quoted):
            if node.isNull { return .null }
            if quoted || node.tag != nil { return .string(text) }
            if ["true", "True", "TRUE"].contains(text) { return .bool(true) }
            if ["false", "False", "FALSE"].contains(text) { return .bool(false) }
            if NumberSyntax.isDecimal(text, exponent: true), let x = Double(text), x.isFinite { return .number(x) }
            return .string(text)
        case .sequence(let items):
            return .list(items.map { param($0, what: what) })
        case .mapping:
            let pairs = uniquePairs(node, what: what) ?? []
            return .map(pairs.map { (key: $0.key, value: param($0.pair.value, what: what)) })
        }
    }
}
