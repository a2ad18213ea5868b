import Foundation
import Common
import Plan

/// A value a target measured for one unit.
public enum MeasuredValue: Sendable, Hashable, Codable {
    case number(Double)
    case date(DayNumber)
    case bool(Bool)
    case text(String)

    /// The value as the plan's expectations compare it; text has no comparison.
    var expectValue: ExpectValue? {
        switch self {
        case .number(let n): .number(n)
        case .date(let d): .date(d)
        case .bool(let b): .bool(b)
        case .text: nil
        }
    }

    /// Machine form: numbers as they are, dates ISO, booleans `true`/`false`.
    public var isoText: String {
        switch self {
        case .number(let n): NumberText.machine(n)
        case .date(let d): isoDate(d)
        case .bool(let b): b ? "true" : "false"
        case .text(let s): s
        }
    }
}

/// Number formatting shared by findings and reports.
public enum NumberText {
    /// Shortest round-trip form, integers without a fraction: stable bytes for machine output.
    public static func machine(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// Human form: at most `digits` decimals, trailing zeros dropped, Vietnamese decimal comma unless English.
    public static func human(_ x: Double, digits: Int = 2, language: Language = .vi) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (x * scale).rounded() / scale
        var text = machine(rounded)
        if text.contains("e") { text = String(rounded) }
        return language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A fraction as a percentage: 0.985 → "98,5%".
    public static func percent(_ fraction: Double, language: Language = .vi) -> String {
        human(fraction * 100, digits: 2, language: language) + "%"
    }
}
